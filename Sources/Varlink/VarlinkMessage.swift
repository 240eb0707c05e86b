// SPDX-License-Identifier: Apache-2.0
package import FoundationEssentials

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
        guard case .string(let method) = object["method"], !method.isEmpty else {
            throw MalformedMessage(description: "a call needs a \"method\" string")
        }
        let parameters = try encodeParameters(object["parameters"])
        return VarlinkCall(
            method: method,
            parameters: parameters,
            oneway: object["oneway"] == .bool(true),
            more: object["more"] == .bool(true)
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

    /// A reply as the client sees it: the frame, read once for the envelope and once more,
    /// straight into the caller's type, for the parameters.
    ///
    /// A client starts, sends one call and exits, so this path is its start-up time: going
    /// through a generic JSON value and re-encoding the parameters cost newsq a fifth of it.
    package struct Reply {
        package var frame: Data
        package var continues: Bool
        package var error: String?

        /// The parameters as JSON text (`{}` when absent), as error replies carry them.
        package var parameters: Data {
            get throws { try encodeParameters(try decodeObject(frame)["parameters"]) }
        }

        /// The parameters decoded as `type`; absent parameters decode as an empty object.
        package func parameters<Parameters: Decodable>(
            as type: Parameters.Type, using decoder: JSONDecoder
        ) throws -> Parameters {
            if let parameters = try decoder.decode(Envelope<Parameters>.self, from: frame).parameters {
                return parameters
            }
            return try decoder.decode(Parameters.self, from: Data("{}".utf8))
        }
    }

    private struct Header: Decodable {
        var continues: Bool?
        var error: String?
    }

    private struct Envelope<Parameters: Decodable>: Decodable {
        var parameters: Parameters?
    }

    package static func decodeReply(_ frame: Data) throws -> Reply {
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: frame)
        } catch {
            _ = try decodeObject(frame)  // says what is wrong with the frame
            throw MalformedMessage(description: "a reply's \"continues\" and \"error\" must be a boolean and a string")
        }
        return Reply(frame: frame, continues: header.continues ?? false, error: header.error)
    }

    private static func decodeObject(_ frame: Data) throws -> [String: JSONValue] {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: frame)
        } catch {
            throw MalformedMessage(description: "the message is not valid JSON")
        }
        guard case .object(let object) = value else {
            throw MalformedMessage(description: "a message must be a JSON object")
        }
        return object
    }

    private static func encodeParameters(_ value: JSONValue?) throws -> Data {
        guard let value, value != .null else { return Data("{}".utf8) }
        guard case .object = value else {
            throw MalformedMessage(description: "\"parameters\" must be a JSON object")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
