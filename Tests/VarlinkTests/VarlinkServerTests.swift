// SPDX-License-Identifier: Apache-2.0
import Foundation
import Logging
import NewsdTestSupport
import Testing

@testable import VarlinkNIO
import Varlink

/// A tiny interface for exercising the server: echo, a streaming counter, a typed error and a
/// failure that must not leak.
private struct EchoInterface: VarlinkInterface {
    var name: String { "org.example.echo" }
    var definition: String { "interface org.example.echo\nmethod Echo(text: string) -> (text: string)\n" }

    struct Text: Codable { var text: String }
    struct Count: Codable { var value: Int }
    struct Leak: Error {}

    func handle(_ call: VarlinkCall, context: VarlinkCallContext) async throws {
        switch call.member {
        case "Echo":
            try await context.reply(try call.decodeParameters(Text.self))
        case "Count":
            guard call.more else { throw VarlinkError.expectedMore }
            for value in 1...3 { try await context.reply(Count(value: value), continues: value < 3) }
        case "Fail":
            throw VarlinkError(name: "org.example.echo.Refused", encoding: ["why": "because"])
        case "Crash":
            throw Leak()
        default:
            throw VarlinkError.methodNotFound(call.method)
        }
    }
}

/// Starts a server on a fresh socket path for the duration of `body`.
private func withServer(_ body: @Sendable (String) async throws -> Void) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("varlink-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("s.sock").path
    let server = VarlinkServer(
        endpoint: .path(path, mode: 0o600),
        info: VarlinkServiceInfo(vendor: "test", product: "echo", version: "1", url: "https://example.org"),
        interfaces: [EchoInterface()],
        logger: Logger(label: "test")
    )
    let (listening, signal) = AsyncStream<Void>.makeStream()
    try await withThrowingTaskGroup { group in
        group.addTask { try await server.run(onListening: { signal.yield() }) }
        for await _ in listening { break }
        try await body(path)
        group.cancelAll()
    }
}

@Suite struct VarlinkServerTests {
    @Test func answersCallsInOrderOnOneConnection() async throws {
        try await withServer { path in
            try await blocking {
                let client = try VarlinkClient(path: path)
                for word in ["one", "two", "three"] {
                    let reply = try client.call(
                        "org.example.echo.Echo", parameters: EchoInterface.Text(text: word),
                        returning: EchoInterface.Text.self)
                    #expect(reply.text == word)
                }
            }
        }
    }

    @Test func introspectionListsInterfacesAndDescribesThem() async throws {
        struct Info: Decodable { var product: String; var interfaces: [String] }
        struct Description: Decodable { var description: String }
        try await withServer { path in
            try await blocking {
                let client = try VarlinkClient(path: path)
                let info = try client.call(
                    "org.varlink.service.GetInfo", parameters: [String: String](), returning: Info.self)
                #expect(info.product == "echo")
                #expect(info.interfaces == ["org.varlink.service", "org.example.echo"])
                let description = try client.call(
                    "org.varlink.service.GetInterfaceDescription", parameters: ["interface": "org.example.echo"],
                    returning: Description.self)
                #expect(description.description.hasPrefix("interface org.example.echo"))
            }
        }
    }

    @Test func streamsRepliesForMoreCalls() async throws {
        try await withServer { path in
            try await blocking {
                let client = try VarlinkClient(path: path)
                var values: [Int] = []
                try client.stream(
                    "org.example.echo.Count", parameters: [String: String](),
                    returning: EchoInterface.Count.self
                ) { count in
                    values.append(count.value)
                    return true
                }
                #expect(values == [1, 2, 3])
            }
        }
    }

    @Test func errorsReachTheClientButInternalOnesDoNotLeak() async throws {
        try await withServer { path in
            try await blocking {
                let client = try VarlinkClient(path: path)
                do {
                    _ = try client.call(
                        "org.example.echo.Fail", parameters: [String: String](), returning: EchoInterface.Text.self)
                    Issue.record("expected an error")
                } catch VarlinkClient.Failure.remote(let error) {
                    #expect(error.name == "org.example.echo.Refused")
                }
                do {
                    _ = try client.call(
                        "org.example.echo.Crash", parameters: [String: String](), returning: EchoInterface.Text.self)
                    Issue.record("expected an error")
                } catch VarlinkClient.Failure.remote(let error) {
                    #expect(error == .internalError)
                }
                do {
                    _ = try client.call(
                        "org.nowhere.X", parameters: [String: String](), returning: EchoInterface.Text.self)
                    Issue.record("expected an error")
                } catch VarlinkClient.Failure.remote(let error) {
                    #expect(error.name == "org.varlink.service.InterfaceNotFound")
                }
                // The connection survives all of that.
                let reply = try client.call(
                    "org.example.echo.Echo", parameters: EchoInterface.Text(text: "still here"),
                    returning: EchoInterface.Text.self)
                #expect(reply.text == "still here")
            }
        }
    }

    @Test func refusesToTakeOverALiveSocket() async throws {
        try await withServer { path in
            let second = VarlinkServer(
                endpoint: .path(path, mode: 0o600),
                info: VarlinkServiceInfo(vendor: "t", product: "t", version: "1", url: "u"),
                interfaces: [], logger: Logger(label: "test"))
            await #expect(throws: StaleSocket.InUse.self) { try await second.run() }
        }
    }

    @Test func clientReportsAnUnreachableSocket() {
        #expect {
            _ = try VarlinkClient(path: "/nonexistent/newsd.sock")
        } throws: { error in
            guard case .unreachable(let path, _) = error as? VarlinkClient.Failure else { return false }
            return path == "/nonexistent/newsd.sock"
        }
    }
}
