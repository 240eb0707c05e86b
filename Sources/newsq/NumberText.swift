// SPDX-License-Identifier: Apache-2.0

/// Fixed-point numbers and padded columns for terminal output, without `String(format:)`,
/// which needs the full Foundation (see `writeAll` for why newsq links only its essentials).
enum NumberText {
    /// `value` rounded to `digits` decimals: `fixed(2.345, digits: 1)` is "2.3".
    static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return String(value) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let sign = value < 0 && scaled > 0 ? "-" : ""
        let whole = scaled / scale
        guard digits > 0 else { return sign + String(Int64(whole)) }
        let integerPart = Int64(whole.rounded(.towardZero))
        var fraction = String(Int64(scaled - Double(integerPart) * scale))
        while fraction.count < digits { fraction = "0" + fraction }
        return sign + String(integerPart) + "." + fraction
    }
}

extension String {
    /// The string followed by spaces up to `length` characters (unchanged when longer).
    func padded(to length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
