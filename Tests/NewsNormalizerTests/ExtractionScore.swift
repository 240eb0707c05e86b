// SPDX-License-Identifier: Apache-2.0

/// The score of `../shared/tools/extraction-score`, in Swift: text cut into `\w+` tokens, tokens
/// into overlapping 4-grams; per page the 4-gram multisets give tp/fp/fn, normalised to sum 1;
/// precision and recall are means over pages, F1 comes from those two means.
struct ExtractionScore {
    private(set) var precisions: [Double] = []
    private(set) var recalls: [Double] = []

    /// Adds one page: the human-extracted body and the predicted one.
    mutating func add(truth: String, prediction: String) {
        var vocabulary: [Substring: Int] = [:]
        let t = Self.grams(truth, &vocabulary)
        let p = Self.grams(prediction, &vocabulary)
        var tp = 0
        var fp = 0
        var fn = 0
        for (gram, count) in t {
            let predicted = p[gram] ?? 0
            tp += min(count, predicted)
            fn += max(0, count - predicted)
        }
        for (gram, count) in p { fp += max(0, count - (t[gram] ?? 0)) }
        let sum = Double(tp + fp + fn)
        let (tpShare, fpShare, fnShare) = sum > 0 ? (Double(tp) / sum, Double(fp) / sum, Double(fn) / sum) : (0, 0, 0)
        let perfect = fpShare == 0 && fnShare == 0
        if tpShare + fpShare > 0 { precisions.append(perfect ? 1 : tpShare / (tpShare + fpShare)) }
        if tpShare + fnShare > 0 { recalls.append(perfect ? 1 : tpShare / (tpShare + fnShare)) }
    }

    var precision: Double { precisions.isEmpty ? 0 : precisions.reduce(0, +) / Double(precisions.count) }
    var recall: Double { recalls.isEmpty ? 0 : recalls.reduce(0, +) / Double(recalls.count) }
    var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }

    /// Four token ids; shorter texts give one gram of what they have, padded with -1.
    private struct Gram: Hashable {
        var a: Int, b: Int, c: Int, d: Int
    }

    private static func grams(_ text: String, _ vocabulary: inout [Substring: Int]) -> [Gram: Int] {
        var ids: [Int] = []
        for token in tokens(text) {
            if let id = vocabulary[token] {
                ids.append(id)
            } else {
                vocabulary[token] = vocabulary.count
                ids.append(vocabulary.count - 1)
            }
        }
        var grams: [Gram: Int] = [:]
        guard !ids.isEmpty else { return grams }
        guard ids.count >= 4 else {
            let padded = ids + Array(repeating: -1, count: 4 - ids.count)
            grams[Gram(a: padded[0], b: padded[1], c: padded[2], d: padded[3])] = 1
            return grams
        }
        for start in 0...(ids.count - 4) {
            grams[Gram(a: ids[start], b: ids[start + 1], c: ids[start + 2], d: ids[start + 3]), default: 0] += 1
        }
        return grams
    }

    /// Python's `re.findall(r"\w+", text)`: `\w` is a letter (categories L*), a character with a
    /// numeric value, or `_`; combining marks are not word characters there, so they are not here.
    static func tokens(_ text: String) -> [Substring] {
        var result: [Substring] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var index = scalars.startIndex
        while index != scalars.endIndex {
            if isWord(scalars[index]) {
                if start == nil { start = index }
            } else if let begin = start {
                result.append(Substring(scalars[begin..<index]))
                start = nil
            }
            scalars.formIndex(after: &index)
        }
        if let begin = start { result.append(Substring(scalars[begin..<scalars.endIndex])) }
        return result
    }

    private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x61 && value <= 0x7A) || value == 0x5F
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return scalar.properties.numericType != nil
        }
    }
}
