// SPDX-License-Identifier: Apache-2.0
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// A blocking varlink client for command-line tools and tests.
///
/// It is deliberately not async: `newsq` makes one call and exits, and a plain socket keeps its
/// start-up in the low milliseconds.
public final class VarlinkClient {
    /// Why a call did not get a reply.
    public enum Failure: Error, CustomStringConvertible {
        /// Nobody answers on the socket path (missing file, refused, or no permission).
        case unreachable(path: String, reason: String)
        /// The connection broke or the peer sent something that is not varlink.
        case protocolError(String)
        /// The server answered with an error reply.
        case remote(VarlinkError)

        public var description: String {
            switch self {
            case .unreachable(let path, let reason): "cannot connect to \(path): \(reason)"
            case .protocolError(let message): "protocol error: \(message)"
            case .remote(let error): error.description
            }
        }
    }

    public let path: String
    private let descriptor: Int32
    private var pending: [UInt8] = []
    private var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)

    /// Connects to the server at `path`.
    public init(path: String) throws(Failure) {
        self.path = path
        do {
            descriptor = try UnixSocket.connect(to: path)
        } catch {
            throw .unreachable(path: path, reason: String(cString: strerror(error.errno)))
        }
    }

    deinit { close(descriptor) }

    /// Calls a method and decodes its single reply.
    public func call<Reply: Decodable>(
        _ method: String,
        parameters: some Encodable,
        returning: Reply.Type = Reply.self
    ) throws(Failure) -> Reply {
        try send(method, parameters: parameters, more: false)
        return try decode(Reply.self, from: try receive())
    }

    /// Calls a method with `more: true` and hands each reply to `body` until the server sends
    /// its last reply or `body` returns `false`.
    public func stream<Reply: Decodable>(
        _ method: String,
        parameters: some Encodable,
        returning: Reply.Type = Reply.self,
        body: (Reply) throws -> Bool
    ) throws {
        try send(method, parameters: parameters, more: true)
        while true {
            let reply = try receive()
            guard try body(try decode(Reply.self, from: reply)), reply.continues else { return }
        }
    }

    private func send(_ method: String, parameters: some Encodable, more: Bool) throws(Failure) {
        let encoded: Data
        do {
            encoded = try JSONEncoder.varlink.encode(parameters)
        } catch {
            throw .protocolError("cannot encode parameters: \(error)")
        }
        var message = VarlinkMessage.encodeCall(VarlinkCall(method: method, parameters: encoded, more: more))
        message.append(0)
        do {
            try UnixSocket.writeAll(descriptor, message)
        } catch {
            throw .protocolError(error.description)
        }
    }

    private func receive() throws(Failure) -> VarlinkMessage.Reply {
        while true {
            if let end = pending.firstIndex(of: 0) {
                let frame = Data(pending[..<end])
                pending.removeSubrange(...end)
                let reply: VarlinkMessage.Reply
                do {
                    reply = try VarlinkMessage.decodeReply(frame)
                } catch {
                    throw .protocolError("\(error)")
                }
                if let name = reply.error {
                    let parameters = (try? reply.parameters) ?? Data("{}".utf8)
                    throw .remote(VarlinkError(name: name, parameters: parameters))
                }
                return reply
            }
            let count: Int
            do {
                count = try UnixSocket.readSome(descriptor, into: &readBuffer)
            } catch {
                throw .protocolError(error.description)
            }
            guard count > 0 else { throw .protocolError("the server closed the connection") }
            pending.append(contentsOf: readBuffer[..<count])
        }
    }

    private func decode<Reply: Decodable>(_ type: Reply.Type, from reply: VarlinkMessage.Reply) throws(Failure)
        -> Reply
    {
        do {
            return try reply.parameters(as: Reply.self, using: JSONDecoder())
        } catch {
            throw .protocolError("unexpected reply: \(error)")
        }
    }
}
