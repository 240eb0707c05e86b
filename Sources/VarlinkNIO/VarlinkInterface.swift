// SPDX-License-Identifier: Apache-2.0
public import Varlink
package import Foundation

/// One varlink interface a server offers: its name, its IDL text and its method handler.
///
/// The server routes a call to the interface whose name prefixes the method, and answers
/// `org.varlink.service` itself from these properties.
public protocol VarlinkInterface: Sendable {
    /// The interface name, such as `io.newsd`.
    var name: String { get }
    /// The interface definition in varlink IDL, returned by `GetInterfaceDescription`.
    var definition: String { get }
    /// Handles one call addressed to this interface.
    ///
    /// Throw `VarlinkError` to answer with an error reply; any other error becomes a bare
    /// `InternalError`. A handler answering a `more` call may reply several times, with
    /// `continues: true` on all but the last.
    func handle(_ call: VarlinkCall, context: VarlinkCallContext) async throws
}

/// What a handler needs to answer a call: the reply channel and who is calling.
public struct VarlinkCallContext: Sendable {
    /// Credentials of the process on the other end of the socket (`SO_PEERCRED`).
    public var peer: PeerCredentials?
    let send: @Sendable (Data) async throws -> Void
    let waitForClose: @Sendable () async -> Void

    package init(
        peer: PeerCredentials?,
        send: @escaping @Sendable (Data) async throws -> Void,
        waitForClose: @escaping @Sendable () async -> Void = {}
    ) {
        self.peer = peer
        self.send = send
        self.waitForClose = waitForClose
    }

    /// Returns once the peer has gone (or the server is stopping, which closes the connection).
    ///
    /// A streaming handler (a `more` call) waits on this beside its source of replies: a peer
    /// that disconnects between two replies would otherwise be noticed only at the next write,
    /// which may never come.
    public func connectionClosed() async {
        await waitForClose()
    }

    /// Sends one reply whose parameters are `parameters`.
    public func reply(_ parameters: some Encodable, continues: Bool = false) async throws {
        let data = try JSONEncoder.varlink.encode(parameters)
        try await send(VarlinkMessage.encodeReply(parameters: data, continues: continues))
    }

    /// Sends one reply whose parameters are already JSON text, written without `JSONEncoder`
    /// where a reply is frequent enough for that to matter.
    public func reply(json parameters: [UInt8], continues: Bool = false) async throws {
        try await send(VarlinkMessage.encodeReply(parameters: Data(parameters), continues: continues))
    }
}

/// The user, group and process of a socket peer, as the kernel reports them.
public struct PeerCredentials: Sendable, Hashable {
    public var processID: Int32
    public var userID: UInt32
    public var groupID: UInt32

    public init(processID: Int32, userID: UInt32, groupID: UInt32) {
        self.processID = processID
        self.userID = userID
        self.groupID = groupID
    }
}
