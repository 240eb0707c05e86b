// SPDX-License-Identifier: Apache-2.0
public import FoundationEssentials

/// An error reply: a qualified error name and its parameters.
///
/// Only errors of this type reach the client with their details; anything else a handler
/// throws is answered with a bare `org.varlink.service.InternalError`, so that internal
/// messages (SQL, paths) never leak to a peer.
public struct VarlinkError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Fully qualified error name, such as `io.newsd.QuerySyntax`.
    public var name: String
    /// The error's parameters as a JSON object.
    public var parameters: Data

    public init(name: String, parameters: Data = Data("{}".utf8)) {
        self.name = name
        self.parameters = parameters
    }

    /// An error whose parameters are any `Encodable` value.
    public init(name: String, encoding parameters: some Encodable) {
        self.name = name
        self.parameters = (try? JSONEncoder.varlink.encode(parameters)) ?? Data("{}".utf8)
    }

    /// Decodes the parameters into a client's type for this error.
    public func decodeParameters<Parameters: Decodable>(_ type: Parameters.Type) throws -> Parameters {
        try JSONDecoder().decode(Parameters.self, from: parameters)
    }

    public var description: String {
        "\(name) \(String(decoding: parameters, as: UTF8.self))"
    }

    public static func interfaceNotFound(_ interface: String) -> VarlinkError {
        VarlinkError(name: "org.varlink.service.InterfaceNotFound", encoding: ["interface": interface])
    }

    public static func methodNotFound(_ method: String) -> VarlinkError {
        VarlinkError(name: "org.varlink.service.MethodNotFound", encoding: ["method": method])
    }

    public static func methodNotImplemented(_ method: String) -> VarlinkError {
        VarlinkError(name: "org.varlink.service.MethodNotImplemented", encoding: ["method": method])
    }

    public static func invalidParameter(_ parameter: String) -> VarlinkError {
        VarlinkError(name: "org.varlink.service.InvalidParameter", encoding: ["parameter": parameter])
    }

    public static let expectedMore = VarlinkError(name: "org.varlink.service.ExpectedMore")
    public static let internalError = VarlinkError(name: "org.varlink.service.InternalError")
}

extension JSONEncoder {
    /// The encoder every varlink message goes through: sorted keys keep replies diffable.
    package static var varlink: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
