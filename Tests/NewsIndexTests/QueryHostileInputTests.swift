// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsIndex

/// Bounds on length, depth and term count, and that huge or pathological input returns quickly.
@Suite struct QueryHostileInputTests {
    static let now = Date(timeIntervalSince1970: 1_742_860_800)

    static func error(_ text: String, limits: QueryLimits = .standard) -> QuerySyntaxError? {
        do {
            _ = try ParsedQuery(text, now: now, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    /// Runs `body` and returns its duration in seconds.
    static func seconds(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let elapsed = clock.measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    @Test func lengthIsCapped() throws {
        let atLimit = String(repeating: "a", count: 4096)
        #expect(try ParsedQuery(atLimit, now: Self.now).match == "\"\(atLimit)\"")
        let error = try #require(Self.error(atLimit + "b"))
        #expect(error.code == .tooLong)
        #expect(error.column == 4097)
        // Bytes, not characters: 2-byte letters reach the limit at half the count.
        let wide = try #require(Self.error(String(repeating: "é", count: 2049)))
        #expect(wide.code == .tooLong)
        #expect(wide.column == 2049)
    }

    @Test func hundredKilobytesReturnQuickly() {
        let inputs = [
            String(repeating: "a", count: 100_000),
            String(repeating: "(", count: 100_000),
            String(repeating: "\"", count: 100_000),
            String(repeating: "a OR ", count: 20_000),
            String(repeating: "-", count: 100_000),
        ]
        for input in inputs {
            let elapsed = Self.seconds { #expect(Self.error(input)?.code == .tooLong) }
            #expect(elapsed < 0.5)
        }
    }

    @Test func depthIsCapped() throws {
        let ok = String(repeating: "(", count: 32) + "a" + String(repeating: ")", count: 32)
        #expect(try ParsedQuery(ok, now: Self.now).match == #""a""#)
        let deep = String(repeating: "(", count: 33) + "a" + String(repeating: ")", count: 33)
        let error = try #require(Self.error(deep))
        #expect(error.code == .tooDeep)
        #expect(error.column == 33)
        // Unclosed, deeper than the cap: the cap is hit before the end is seen.
        #expect(Self.error(String(repeating: "(", count: 2000))?.code == .tooDeep)
        #expect(Self.error(String(repeating: "title:", count: 40) + "a")?.code == .tooDeep)
        #expect(Self.error("x " + String(repeating: "-(x ", count: 40))?.code == .tooDeep)
    }

    @Test func termCountIsCapped() throws {
        let ok = (1...64).map { "w\($0)" }.joined(separator: " ")
        #expect(try ParsedQuery(ok, now: Self.now).terms.count == 64)
        let many = (1...65).map { "w\($0)" }.joined(separator: " ")
        let error = try #require(Self.error(many))
        #expect(error.code == .tooManyTerms)
        #expect(error.column == many.count - 2)
        // Dropped terms count too, so a flood of "..." cannot flood the notes.
        #expect(Self.error(String(repeating: "... ", count: 100) + "x")?.code == .tooManyTerms)
        // The literal fallback counts the same way.
        #expect(Self.error("\"" + many)?.code == .tooManyTerms)
    }

    @Test func customLimits() {
        let tight = QueryLimits(maximumLength: 10, maximumDepth: 1, maximumTerms: 2, maximumNearDistance: 3)
        #expect(Self.error("a b c", limits: tight)?.code == .tooManyTerms)
        #expect(Self.error("((a))", limits: tight)?.code == .tooDeep)
        #expect(Self.error("NEAR(a b,4)", limits: tight)?.code == .tooLong)
        #expect(Self.error("a NEAR/4 b", limits: tight)?.code == .invalidNear)
        #expect(Self.error("0123456789x", limits: tight)?.code == .tooLong)
    }

    @Test func pathologicalInputsUnderTheCapAreFast() {
        let inputs = [
            String(repeating: "\"a\" ", count: 1000),
            String(repeating: "a OR ", count: 800),
            String(repeating: "(", count: 4000),
            String(repeating: ")", count: 4000),
            String(repeating: "\"", count: 4095),
            String(repeating: "NEAR(", count: 800),
            String(repeating: "title:", count: 600),
            String(repeating: "-", count: 4000) + "a",
            String(repeating: "a:", count: 2000),
            String(repeating: "*", count: 4000),
            String(repeating: "é", count: 2048),
            String(repeating: "👩‍👩‍👧", count: 200),
        ]
        for input in inputs {
            let elapsed = Self.seconds { _ = try? ParsedQuery(input, now: Self.now) }
            #expect(elapsed < 0.5, "\(input.prefix(20))…")
        }
    }

    @Test func controlCharactersAndNULsSeparateWords() throws {
        let parsed = try ParsedQuery("a\u{0}b \u{7}c\u{200B}", now: Self.now)
        #expect(parsed.match == "\"a\" AND \"b\" AND \"c\u{200B}\"")
        #expect(try ParsedQuery("\"a\u{0}b\tc\"", now: Self.now).match == "\"a b c\"")
        #expect(QueryTerm(id: 0, text: "x\u{0}\"", column: 1).fts5String == "\"x \"\"\"")
    }

    @Test func quoteWithCombiningMarkIsStillEscaped() throws {
        // `"` + U+0301 is one Character, but SQLite sees the quote byte.
        let parsed = try ParsedQuery("a \"\u{301}b", now: Self.now)
        #expect(parsed.match == "\"a\" AND \"\"\"\u{301}b\"")
        #expect(QueryTerm(id: 0, text: "\"\u{301}", column: 1).fts5String == "\"\"\"\u{301}\"")
    }
}
