// SPDX-License-Identifier: Apache-2.0

/// Writes JSON text straight into bytes, for the one reply sent often enough for its encoding
/// to show in profiles: `SearchReply`.
///
/// Foundation's `JSONEncoder` builds a tree of boxed values and sorts each object's keys before
/// writing, for every search. Writers of objects give their keys already sorted, so that the
/// text reads as the varlink encoder's does (`sortedKeys`); a `nil` member is left out, as
/// synthesised `Codable` leaves it out.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether the container being written has no member or element yet.
    private var atFirst = true

    public init() {
        bytes.reserveCapacity(4096)
    }

    /// A number JSON cannot hold (NaN or an infinity): `JSONEncoder` refuses them too.
    public struct NonFiniteNumber: Error, CustomStringConvertible {
        public var key: String
        public var description: String { "\(key) is not a finite number" }
    }

    public mutating func object<Failure: Error>(_ members: (inout JSONWriter) throws(Failure) -> Void) throws(Failure) {
        try container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), members)
    }

    public mutating func array<Elements: Sequence, Failure: Error>(
        _ elements: Elements, _ write: (inout JSONWriter, Elements.Element) throws(Failure) -> Void
    ) throws(Failure) {
        try container(open: UInt8(ascii: "["), close: UInt8(ascii: "]")) { (writer: inout JSONWriter) throws(Failure) in
            for element in elements {
                writer.separate()
                try write(&writer, element)
            }
        }
    }

    /// Starts a member whose value the caller writes next.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    public mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    public mutating func member(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func member(_ name: StaticString, _ value: Bool?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func member(_ name: StaticString, _ value: Double?) throws(NonFiniteNumber) {
        guard let value else { return }
        guard value.isFinite else { throw NonFiniteNumber(key: "\(name)") }
        key(name)
        // Swift's shortest representation that reads back as the same Double ("2.5", "1e-06").
        bytes.append(contentsOf: value.description.utf8)
    }

    public mutating func member(_ name: StaticString, _ values: [String]?) {
        guard let values else { return }
        key(name)
        array(values) { writer, value in writer.string(value) }
    }

    /// A string, escaped as JSON requires: quote, backslash and control characters.
    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: utf8[start..<index])
                appendEscaped(byte)
                start = index + 1
            }
            bytes.append(contentsOf: utf8[start...])
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        let short: UInt8? =
            switch byte {
            case 0x22: UInt8(ascii: "\"")
            case 0x5C: UInt8(ascii: "\\")
            case 0x0A: UInt8(ascii: "n")
            case 0x0D: UInt8(ascii: "r")
            case 0x09: UInt8(ascii: "t")
            case 0x08: UInt8(ascii: "b")
            case 0x0C: UInt8(ascii: "f")
            default: nil
            }
        bytes.append(UInt8(ascii: "\\"))
        if let short {
            bytes.append(short)
        } else {
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: Array("u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }

    private mutating func separate() {
        if !atFirst { bytes.append(UInt8(ascii: ",")) }
        atFirst = false
    }

    private mutating func container<Failure: Error>(
        open: UInt8, close: UInt8, _ body: (inout JSONWriter) throws(Failure) -> Void
    ) throws(Failure) {
        bytes.append(open)
        let outer = atFirst
        atFirst = true
        try body(&self)
        bytes.append(close)
        atFirst = outer
    }
}
