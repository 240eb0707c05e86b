// SPDX-License-Identifier: Apache-2.0

/// The commonest function words of each language newsd detects by words rather than by script.
///
/// Function words make up a third or more of running prose in every one of these languages and
/// differ between them, so a hundred words of body tell the language apart reliably, without a
/// trained model (the approach of the stop-word detectors that predate n-gram models, and still the
/// cheapest that works for whole articles). Sister languages share many entries; the words that
/// differ (Norwegian *av*, *etter*, *ble* against Danish *af*, *efter*, *blev*) decide between them.
enum FunctionWords {
    static let lists: [(language: String, words: String)] = [
        (
            "en",
            "the and of to in is that for it with was on as he by at from his are be this have an which not but they had has were been their said who will would its she her there we or after when more also than about"
        ),
        (
            "de",
            "der die und den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sei wurde"
        ),
        (
            "fr",
            "le la les de des et en du un une est que qui dans pour pas au sur par ne se plus avec il ce sont ont mais comme aux été elle leur cette nous ou son sa ses était être a été lors selon"
        ),
        (
            "es",
            "el la de que y en los del se las por un una con no para es al lo como más pero sus le ya o fue este ha sí porque esta son entre cuando muy sin sobre también hasta hay donde desde nos durante ni contra ese eso según"
        ),
        (
            "it",
            "il di che e la per un in è del della non una le sono con si da al dei alla delle gli nel ha come anche più ma lo questo nella ed sua suo dal loro essere stato hanno degli alle sul dopo"
        ),
        (
            "pt",
            "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou ser quando muito há nos já está também pelo pela até isso ela entre era depois sem mesmo aos ter seus quem nas esse eles estão você foram essa nem"
        ),
        (
            "nl",
            "de en van het een in is dat op te zijn met voor niet aan er maar om hij ook als bij of uit nog wordt door naar dan werd heeft worden kan zich was deze tot wel al meer geen over ze die"
        ),
        (
            "sv",
            "och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan man när år säger hon under också efter eller nu sin där vid mot ska skulle kommer ut får finns vara hade alla andra mycket än här"
        ),
        (
            "da",
            "og i at det er en til på af den for med de som har ikke der et var om fra men han kan vi jeg sig så også efter skal blev ved hvor når være eller havde sin over mod hun blive nu bliver deres under meget"
        ),
        (
            "nb",
            "og i det er en til på av som for med at de har ikke den et var om fra men han kan vi jeg seg så også etter skal ble ved hvor når være eller hadde sin over mot hun bli nå blir deres under mye"
        ),
        (
            "fi",
            "ja on ei että se oli hän mutta kun tai myös niin ovat joka jo sen mukaan ole kuin vain nyt sitä jos vielä hänen sekä ollut olla mitä tämä voi jotka kanssa siitä koska kaikki mikä jälkeen yli noin"
        ),
        (
            "pl",
            "i w na z się nie do to że jest o a jak od po dla co ale jego przez tak są już przy za tylko czy jej ich tym być który została został oraz także może jednak bardzo będzie roku lub"
        ),
        (
            "cs",
            "a v se na je že s z do to o k i jako by pro ale jsou od po jeho které který byl bylo jak tak jen při už až za ve ze však také nebo má bude podle této"
        ),
        (
            "ro",
            "și de în la a cu pe că nu din se o un mai este care pentru fost sunt au ca ce sau iar după prin lui dar fi această acest despre el ea va când doar unei unui"
        ),
        (
            "hu",
            "a az és hogy nem is egy meg van de el csak már mint ki ez volt még azt lesz vagy kell fel pedig amely után szerint között minden így mert nagyon ezt aki amit"
        ),
        (
            "tr",
            "ve bir bu da de için ile olarak çok daha en gibi sonra kadar ama olan değil ne var ya her o ki göre yok şey ise veya oldu olduğu ancak nasıl diye"
        ),
        (
            "id",
            "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada oleh saya mereka bisa atau sudah kami telah lebih tersebut kata seperti bahwa hanya saat namun setelah masih baru harus"
        ),
        (
            "ru",
            "и в не на что с по он как это к а но из за у от о так же для его все был она только уже до бы при или было мы они год также были если их её том этом"
        ),
        (
            "uk",
            "і в у на що не з до та як за від це по він але для його про так вже ще які був її або бути їх при також було між під коли через цей має може"
        ),
        (
            "bg",
            "и на в да се е че за не от с по са това като но ще му си тя той които който бъде след при към или бе още може"
        ),
    ]

    /// Each word's packed key (`StopWords.key(_:)`: its lower-cased UTF-8 bytes in an integer,
    /// so that looking words up allocates nothing) with the set of languages (bit `i` for `lists[i]`)
    /// that use it. Words longer than 8 bytes of UTF-8 are left out: function words are short.
    static let languagesByKey: [UInt64: UInt32] = {
        var table: [UInt64: UInt32] = [:]
        for (index, list) in lists.enumerated() {
            for word in list.words.split(separator: " ") {
                guard let key = StopWords.key(word.utf8) else { continue }
                table[key, default: 0] |= 1 << UInt32(index)
            }
        }
        return table
    }()
}
