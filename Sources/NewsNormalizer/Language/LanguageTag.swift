// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Language tags as pages state them, brought to one spelling.
///
/// Pages write `en-us`, `EN`, `pt_BR` and sometimes a template placeholder; `lang:pt-BR` must
/// find all the Brazilian ones, so tags are stored in the BCP 47 case conventions (`pt-BR`,
/// `zh-Hant-TW`), and anything that is not a tag at all counts as unstated.
enum LanguageTag {
    /// The canonical spelling of `text`, or `nil` when it is not a language tag.
    static func canonical(_ text: String) -> String? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(
            separator: "-", omittingEmptySubsequences: false
        ).flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        guard let primary = parts.first, (2...3).contains(primary.count), primary.allSatisfy(isASCIILetter)
        else { return nil }
        var tag = primary.lowercased()
        for part in parts.dropFirst() {
            guard (1...8).contains(part.count), part.allSatisfy({ isASCIILetter($0) || $0.isASCII && $0.isNumber })
            else { return nil }
            switch part.count {
            case 2 where part.allSatisfy(isASCIILetter): tag += "-" + part.uppercased()
            case 4 where part.allSatisfy(isASCIILetter):
                tag += "-" + part.prefix(1).uppercased() + part.dropFirst().lowercased()
            default: tag += "-" + part.lowercased()
            }
        }
        return tag
    }

    private static func isASCIILetter(_ character: Character) -> Bool {
        character.isASCII && character.isLetter
    }
}
