// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsIndex
import Yams

/// Reads the aliases file: a YAML list of groups, each a list of names that mean the same.
///
///     - [Rosselkhozbank, Russian Agricultural Bank, RSHB]
///     - [Kyiv, Kiev]
enum AliasFile {
    static func load(path: String) throws(ConfigurationError) -> AliasTable {
        guard FileManager.default.fileExists(atPath: path) else { return AliasTable(groups: []) }
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let groups = try YAMLDecoder().decode([[String]].self, from: text.isEmpty ? "[]" : text)
            return AliasTable(groups: groups)
        } catch let error as DecodingError {
            throw ConfigurationError(
                path: path, message: "expected a list of name lists: \(ConfigurationError.describe(error))")
        } catch {
            throw ConfigurationError(path: path, message: "\(error)")
        }
    }
}
