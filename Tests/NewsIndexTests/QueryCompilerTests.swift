// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsIndex

/// The exact MATCH text for each feature of the language: the compiler is the only writer of FTS5 syntax, so its
/// output is pinned character for character.
@Suite struct QueryCompilerTests {
    static let now = Date(timeIntervalSince1970: 1_742_860_800)  // 2025-03-25T00:00:00Z

    static func match(_ text: String) throws -> String? {
        try ParsedQuery(text, now: now).match
    }

    @Test(arguments: [
        ("sanctions", #""sanctions""#),
        ("sanctions Rosselkhozbank", #""sanctions" AND "Rosselkhozbank""#),
        ("a b c", #""a" AND "b" AND "c""#),
        ("a AND b", #""a" AND "b""#),
        ("  spaced\tout\n words ", #""spaced" AND "out" AND "words""#),
        ("Économie", #""Économie""#),
        ("e-mail", #""e-mail""#),
        ("and or not near", #""and" AND "or" AND "not" AND "near""#),
    ])
    func wordsAreANDed(query: String, expected: String) throws {
        #expect(try Self.match(query) == expected)
    }

    @Test(arguments: [
        (#""central bank""#, #""central bank""#),
        (#""central bank" rates"#, #""central bank" AND "rates""#),
        (#"say "hi""there""#, #""say" AND "hi" AND "there""#),
        (#""Bank of England"*"#, #""Bank of England"*"#),
        (#"x"y z"w"#, #""x" AND "y z" AND "w""#),
    ])
    func phrases(query: String, expected: String) throws {
        #expect(try Self.match(query) == expected)
    }

    @Test(arguments: [
        ("oil -palm", #""oil" NOT "palm""#),
        (#"oil -"palm oil""#, #""oil" NOT "palm oil""#),
        ("oil NOT palm", #""oil" NOT "palm""#),
        ("-palm oil", #""oil" NOT "palm""#),
        ("a b -c -d", #"("a" AND "b") NOT "c" NOT "d""#),
        ("a -(b OR c)", #""a" NOT ("b" OR "c")"#),
        ("a -(b c)", #""a" NOT ("b" AND "c")"#),
        ("a -b*", #""a" NOT "b"*"#),
        ("a -title:b", #""a" NOT title:"b""#),
        ("a - b", #""a" AND "b""#),
    ])
    func exclusions(query: String, expected: String) throws {
        #expect(try Self.match(query) == expected)
    }

    @Test(arguments: [
        ("russia OR ukraine", #""russia" OR "ukraine""#),
        ("russia | ukraine", #""russia" OR "ukraine""#),
        ("russia|ukraine", #""russia" OR "ukraine""#),
        ("sanctions russia OR ukraine", #""sanctions" AND ("russia" OR "ukraine")"#),
        ("a OR b c OR d", #"("a" OR "b") AND ("c" OR "d")"#),
        ("a OR b OR c", #""a" OR "b" OR "c""#),
        ("(a b) OR c", #"("a" AND "b") OR "c""#),
        ("(gas OR oil) pipeline", #"("gas" OR "oil") AND "pipeline""#),
        ("((a))", #""a""#),
        ("(a (b OR (c d)))", #""a" AND ("b" OR ("c" AND "d"))"#),
        ("a or b", #""a" AND "or" AND "b""#),
        ("(a OR b) -c", #"("a" OR "b") NOT "c""#),
    ])
    func orAndGroups(query: String, expected: String) throws {
        #expect(try Self.match(query) == expected)
    }

    @Test(arguments: [
        ("econom*", #""econom"*"#),
        ("econom**", #""econom"*"#),
        ("fo*o", #""fo*o""#),
        ("title:econ*", #"title:"econ"*"#),
        (#""oil pri"*"#, #""oil pri"*"#),
    ])
    func prefixes(query: String, expected: String) throws {
        #expect(try Self.match(query) == expected)
    }

    @Test(arguments: [
        ("NEAR(ceasefire talks, 5)", #"NEAR("ceasefire" "talks", 5)"#),
        ("NEAR(ceasefire talks)", #"NEAR("ceasefire" "talks", 10)"#),
        ("NEAR(a b,0)", #"NEAR("a" "b", 0)"#),
        (#"NEAR("oil price" gas* c, 3)"#, #"NEAR("oil price" "gas"* "c", 3)"#),
        ("ceasefire NEAR/5 talks", #"NEAR("ceasefire" "talks", 5)"#),
        ("ceasefire NEAR talks", #"NEAR("ceasefire" "talks", 10)"#),
        ("a NEAR/5 b NEAR/2 c", #"NEAR("a" "b" "c", 5)"#),
        ("x a NEAR/5 b y", #""x" AND NEAR("a" "b", 5) AND "y""#),
        ("title:NEAR(a b, 2)", #"title:NEAR("a" "b", 2)"#),
        ("title:a NEAR/2 b", #"title:NEAR("a" "b", 2)"#),
        ("x -NEAR(a b)", #""x" NOT NEAR("a" "b", 10)"#),
        ("NEAR(a ..., 4)", #""a""#),
    ])
    func proximity(query: String, expected: String) throws {
        #expect(try Self.match(query) == expected)
    }

    @Test(arguments: [
        ("title:election", #"title:"election""#),
        ("Title:election", #"title:"election""#),
        ("author:smith", #"authors:"smith""#),
        ("authors:smith", #"authors:"smith""#),
        ("source:reuters site:bbc", #"source:"reuters" AND source:"bbc""#),
        ("section:world", #"section:"world""#),
        ("tag:climate tags:energy", #"tags:"climate" AND tags:"energy""#),
        ("url:bbc.co.uk", #"url:"bbc.co.uk""#),
        ("url:https://bbc.co.uk/news", #"url:"https://bbc.co.uk/news""#),
        ("subtitle:a body:b", #"subtitle:"a" AND body:"b""#),
        (#"title:"oil price""#, #"title:"oil price""#),
        (#"title:(gas OR "oil price")"#, #"title:("gas" OR "oil price")"#),
        ("title:(a -b)", #"title:("a" NOT "b")"#),
        ("title:(author:x)", #"title:(authors:"x")"#),
        ("title:author:x", #"title:(authors:"x")"#),
        ("title:a:b", #"title:"a:b""#),
    ])
    func fields(query: String, expected: String) throws {
        #expect(try Self.match(query) == expected)
    }

    @Test(arguments: [
        ("http://example.com/x", #""http://example.com/x""#),
        ("10:30", #""10:30""#),
        ("foo:bar", #""foo:bar""#),
        ("note: x", #""note:" AND "x""#),
        (":title", #"":title""#),
    ])
    func unknownPrefixesAreLiteral(query: String, expected: String) throws {
        #expect(try Self.match(query) == expected)
    }

    @Test(arguments: [
        ("world's poorest", #""world" AND "poorest""#),
        ("Europe\u{2019}s", #""Europe""#),
        (#""world's poorest""#, #""world's poorest""#),
        ("world's*", #""world's"*"#),
        ("'s", #""'s""#),
    ])
    func anUnquotedWordLosesItsPossessive(query: String, expected: String) throws {
        #expect(try Self.match(query) == expected)
    }

    @Test(arguments: [
        (#"a"b"#, #""a" AND "b""#),
        (#"it's "5"""#, #""it" AND "5""#),
        (#"O"Brien"#, #""O" AND "Brien""#),
        (#"title:"x"#, #""x""#),
    ])
    func strayQuotesNeverBecomeSyntax(query: String, expected: String) throws {
        #expect(try Self.match(query) == expected)
    }

    @Test func termWithQuoteIsDoubled() {
        let term = QueryTerm(id: 0, text: #"say "hi""#, column: 1)
        #expect(term.fts5String == #""say ""hi""""#)
    }

    @Test(arguments: [
        ("... foo", #""foo""#, "ignored ... at column 1: it has no letters or digits to search for"),
        (#"foo "--""#, #""foo""#, #"ignored "--" at column 5: it has no letters or digits to search for"#),
        ("foo ()", #""foo""#, "empty parentheses at column 5 ignored"),
    ])
    func emptyTermsAreDroppedWithANote(query: String, expected: String, note: String) throws {
        let parsed = try ParsedQuery(query, now: Self.now)
        #expect(parsed.match == expected)
        #expect(parsed.notes == [note])
    }
}
