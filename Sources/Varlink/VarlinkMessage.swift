// SPDX-License-Identifier: Apache-2.0
package import Foundation

/// Encoding and decoding of the NUL-free JSON objects that make up varlink frames.
///
/// See https://varlink.org/Method-Call: a call is `{"method", "parameters", "oneway", "more"}`,
/// a reply `{"parameters", "continues", "error"}`.
package enum VarlinkMessage {
    package struct MalformedMessage: Error, CustomStringConvertible {
        package var description: String
    }

    package static func decodeCall(_ frame: Data) throws -> VarlinkCall {
        let object = try decodeObject(frame)
        guard let method = object["method"] as? String, !method.isEmpty else {
            throw MalformedMessage(description: "a call needs a \"method\" string")
        }
        let parameters = try encodeParameters(object["parameters"])
        return VarlinkCall(
            method: method,
            parameters: parameters,
            oneway: object["oneway"] as? Bool ?? false,
            more: object["more"] as? Bool ?? false
        )
    }

    package static func encodeCall(_ call: VarlinkCall) -> Data {
        var data = Data("{\"method\":".utf8)
        data.append(try! JSONEncoder.varlink.encode(call.method))
        data.append(Data(",\"parameters\":".utf8))
        data.append(call.parameters)
        if call.oneway { data.append(Data(",\"oneway\":true".utf8)) }
        if call.more { data.append(Data(",\"more\":true".utf8)) }
        data.append(Data("}".utf8))
        return data
    }

    package static func encodeReply(parameters: Data, continues: Bool) -> Data {
        var data = Data("{\"parameters\":".utf8)
        data.append(parameters)
        if continues { data.append(Data(",\"continues\":true".utf8)) }
        data.append(Data("}".utf8))
        return data
    }

    package static func encodeError(_ error: VarlinkError) -> Data {
        var data = Data("{\"error\":".utf8)
        data.append(try! JSONEncoder.varlink.encode(error.name))
        data.append(Data(",\"parameters\":".utf8))
        data.append(error.parameters)
        data.append(Data("}".utf8))
        return data
    }

    /// A reply as the client sees it.
    package struct Reply {
        package var parameters: Data
        package var continues: Bool
        package var error: String?
    }

    package static func decodeReply(_ frame: Data) throws -> Reply {
        let object = try decodeObject(frame)
        return Reply(
            parameters: try encodeParameters(object["parameters"]),
            continues: object["continues"] as? Bool ?? false,
            error: object["error"] as? String
        )
    }

    private static func decodeObject(_ frame: Data) throws -> [String: Any] {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: frame, options: [])
        } catch {
            throw MalformedMessage(description: "the message is not valid JSON")
        }
        guard let object = value as? [String: Any] else {
            throw MalformedMessage(description: "a message must be a JSON object")
        }
        return object
    }

    private static func encodeParameters(_ value: Any?) throws -> Data {
        guard let value, !(value is NSNull) else { return Data("{}".utf8) }
        guard value is [String: Any] else {
            throw MalformedMessage(description: "\"parameters\" must be a JSON object")
        }
        return try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
    }
}
