// SPDX-License-Identifier: Apache-2.0
public import FoundationEssentials

/// One method call as it arrived on the socket.
///
/// Parameters are kept as raw JSON so that each handler decodes exactly the type it expects,
/// and a malformed parameter object becomes `org.varlink.service.InvalidParameter` for that
/// call alone instead of a dropped connection.
public struct VarlinkCall: Sendable {
    /// Fully qualified method name, such as `io.newsd.Search`.
    public var method: String
    /// The `parameters` object as JSON (`{}` when the call had none).
    public var parameters: Data
    /// The caller wants no reply.
    public var oneway: Bool
    /// The caller accepts a stream of replies, each with `continues: true` but the last.
    public var more: Bool

    public init(method: String, parameters: Data = Data("{}".utf8), oneway: Bool = false, more: Bool = false) {
        self.method = method
        self.parameters = parameters
        self.oneway = oneway
        self.more = more
    }

    /// The interface part of the method name: `io.newsd` for `io.newsd.Search`.
    public var interface: String {
        guard let dot = method.lastIndex(of: ".") else { return "" }
        return String(method[..<dot])
    }

    /// The member part of the method name: `Search` for `io.newsd.Search`.
    public var member: String {
        guard let dot = method.lastIndex(of: ".") else { return method }
        return String(method[method.index(after: dot)...])
    }

    /// Decodes the parameters, mapping any failure to the protocol's `InvalidParameter` error
    /// naming the offending field, as the varlink spec asks.
    public func decodeParameters<Parameters: Decodable>(_ type: Parameters.Type) throws(VarlinkError) -> Parameters {
        do {
            return try JSONDecoder().decode(Parameters.self, from: parameters)
        } catch let DecodingError.keyNotFound(key, _) {
            throw .invalidParameter(key.stringValue)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw .invalidParameter(context.codingPath.map(\.stringValue).joined(separator: "."))
        } catch let DecodingError.dataCorrupted(context) {
            throw .invalidParameter(context.codingPath.map(\.stringValue).joined(separator: "."))
        } catch {
            throw .invalidParameter("parameters")
        }
    }
}
