// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsNormalizer

@Suite struct LanguageDetectorTests {
    private func detect(_ text: String) -> String? {
        LanguageDetector.detect(title: "", paragraphs: [text])
    }

    @Test(arguments: [
        (
            "en",
            "The government said on Tuesday that it would not raise taxes this year, after a week of talks with the unions and the opposition."
        ),
        (
            "de",
            "Die Regierung hat am Dienstag erklärt, dass sie die Steuern in diesem Jahr nicht erhöhen wird, nach einer Woche mit den Gewerkschaften."
        ),
        (
            "fr",
            "Le gouvernement a déclaré mardi qu'il n'augmenterait pas les impôts cette année, après une semaine de discussions avec les syndicats et l'opposition."
        ),
        (
            "es",
            "El gobierno dijo el martes que no subirá los impuestos este año, después de una semana de conversaciones con los sindicatos y la oposición."
        ),
        (
            "it",
            "Il governo ha detto martedì che non aumenterà le tasse quest'anno, dopo una settimana di colloqui con i sindacati e con l'opposizione."
        ),
        (
            "pt",
            "O governo disse na terça-feira que não vai aumentar os impostos este ano, depois de uma semana de conversas com os sindicatos e a oposição."
        ),
        (
            "nl",
            "De regering zei dinsdag dat zij de belastingen dit jaar niet zal verhogen, na een week van overleg met de vakbonden en de oppositie."
        ),
        (
            "sv",
            "Regeringen sade på tisdagen att den inte kommer att höja skatterna i år, efter en vecka av samtal med facket och oppositionen."
        ),
        (
            "ru",
            "Правительство заявило во вторник, что не будет повышать налоги в этом году, после недели переговоров с профсоюзами и оппозицией."
        ),
        (
            "uk",
            "Уряд заявив у вівторок, що не буде підвищувати податки цього року, після тижня переговорів з профспілками та опозицією."
        ),
        (
            "el",
            "Η κυβέρνηση δήλωσε την Τρίτη ότι δεν θα αυξήσει τους φόρους φέτος, μετά από μια εβδομάδα συνομιλιών με τα συνδικάτα."
        ),
        ("ja", "政府は火曜日、労働組合や野党との一週間の協議の後、今年は増税しないと発表した。"),
        ("zh", "政府周二表示，在与工会和反对派进行了一周的会谈后，今年不会增加税收。"),
        ("ko", "정부는 화요일 노조 및 야당과 일주일간의 협의 끝에 올해 세금을 인상하지 않겠다고 밝혔다."),
        (
            "ar",
            "قالت الحكومة يوم الثلاثاء إنها لن ترفع الضرائب هذا العام بعد أسبوع من المحادثات مع النقابات والمعارضة."
        ),
    ])
    func detectsTheLanguageOfOneSentence(_ expected: String, _ text: String) {
        #expect(detect(text) == expected)
    }

    @Test func tooLittleTextStaysUnknown() {
        #expect(detect("Rosselkhozbank") == nil)
        #expect(detect("Kyiv, Moscow, Berlin, Paris, London") == nil)
        #expect(detect("12 34 56 -- 78") == nil)
    }

    @Test func statedLanguageWinsOverDetection() throws {
        let text = """
            ---
            title: Une note
            language: en
            ---
            Le gouvernement a déclaré mardi qu'il n'augmenterait pas les impôts cette année.
            """
        let article = try #require(try Normalizer().normalize(Data(text.utf8), fileName: "note.md").first)
        #expect(article.language == "en")
    }

    @Test func normalisedArticlesWithoutMetadataAreDetected() throws {
        let text = """
            Talks end without a deal

            The government said on Tuesday that it would not raise taxes this year, after a week of talks with the unions.

            Ministers have been under pressure from the opposition, which says that the budget is not enough for the schools.
            """
        let article = try #require(try Normalizer().normalize(Data(text.utf8), fileName: "talks.txt").first)
        #expect(article.language == "en")
    }
}

@Suite struct LanguageTagTests {
    @Test(arguments: [
        ("en-us", "en-US"), ("EN", "en"), ("pt_BR", "pt-BR"), (" de ", "de"), ("zh-hant-tw", "zh-Hant-TW"),
        ("es-419", "es-419"),
    ])
    func statedTagsGetOneSpelling(_ stated: String, _ canonical: String) {
        #expect(LanguageTag.canonical(stated) == canonical)
    }

    @Test(arguments: ["", "{{lang}}", "English", "e", "en--US", "en-US-toolongsubtag"])
    func whatIsNotATagCountsAsUnstated(_ stated: String) {
        #expect(LanguageTag.canonical(stated) == nil)
    }
}
