// SPDX-License-Identifier: Apache-2.0
public import Varlink
import Foundation

/// `org.varlink.service`, the introspection interface every varlink server must offer, so
/// that generic clients (`varlinkctl`, Python's `varlink`) can discover the others.
struct ServiceInterface: VarlinkInterface {
    var info: VarlinkServiceInfo
    var interfaces: [any VarlinkInterface]

    var name: String { "org.varlink.service" }

    var definition: String {
        """
        # The Varlink Service Interface is provided by every varlink service. It
        # describes the service and the interfaces it implements.
        interface org.varlink.service

        # Get a list of all the interfaces a service provides and information
        # about the implementation.
        method GetInfo() -> (
          vendor: string,
          product: string,
          version: string,
          url: string,
          interfaces: []string
        )

        # Get the description of an interface that is implemented by this service.
        method GetInterfaceDescription(interface: string) -> (description: string)

        # The requested interface was not found.
        error InterfaceNotFound (interface: string)

        # The requested method was not found
        error MethodNotFound (method: string)

        # The interface defines the requested method, but the service does not
        # implement it.
        error MethodNotImplemented (method: string)

        # One of the passed parameters is invalid.
        error InvalidParameter (parameter: string)

        # Client is denied access
        error PermissionDenied ()

        # Method is expected to be called with 'more' set to true, but wasn't
        error ExpectedMore ()
        """
    }

    private struct Info: Encodable {
        var vendor: String
        var product: String
        var version: String
        var url: String
        var interfaces: [String]
    }

    private struct DescriptionRequest: Decodable {
        var interface: String
    }

    func handle(_ call: VarlinkCall, context: VarlinkCallContext) async throws {
        switch call.member {
        case "GetInfo":
            let names = [name] + interfaces.map(\.name)
            try await context.reply(
                Info(
                    vendor: info.vendor, product: info.product, version: info.version, url: info.url, interfaces: names)
            )
        case "GetInterfaceDescription":
            let request = try call.decodeParameters(DescriptionRequest.self)
            let all: [any VarlinkInterface] = [self] + interfaces
            guard let interface = all.first(where: { $0.name == request.interface }) else {
                throw VarlinkError.interfaceNotFound(request.interface)
            }
            try await context.reply(["description": interface.definition])
        default:
            throw VarlinkError.methodNotFound(call.method)
        }
    }
}

/// What `GetInfo` says about the service.
public struct VarlinkServiceInfo: Sendable {
    public var vendor: String
    public var product: String
    public var version: String
    public var url: String

    public init(vendor: String, product: String, version: String, url: String) {
        self.vendor = vendor
        self.product = product
        self.version = version
        self.url = url
    }
}
