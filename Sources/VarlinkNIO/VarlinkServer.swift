// SPDX-License-Identifier: Apache-2.0
public import Varlink
public import Foundation
public import Logging
import NIOCore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// A varlink server on a Unix stream socket.
///
/// Each connection runs as a child of one discarding task group and never throws: a bad peer
/// gets an error reply or a closed connection, and every other peer carries on. Calls on one
/// connection are answered in order, as the protocol requires.
public struct VarlinkServer: Sendable {
    /// Where the server listens.
    public enum Endpoint: Sendable, Hashable {
        /// Bind this path, after checking that no live server answers on it, then set the
        /// file's permission bits and, when given, its group.
        case path(String, mode: mode_t, group: gid_t? = nil)
        /// Serve an already bound and listening socket (systemd socket activation).
        case descriptor(Int32)
    }

    /// What one peer may cost the server; every bound exists so that a slow or hostile client
    /// cannot hold up the others.
    public struct Limits: Sendable, Hashable {
        /// The largest message a peer may send, in bytes.
        public var maximumMessageSize: Int = 1 << 20
        /// Connections served at once; one more is closed at once, so that a client opening
        /// connections in a loop exhausts its own slots, not the daemon's memory.
        public var maximumConnections: Int = 256
        /// Calls a peer may send ahead of the replies: calls are answered one at a time, and
        /// past this many waiting the server stops reading the socket until they are answered.
        public var maximumPipelinedCalls: Int = 16
        /// How long a connection may sit between calls (or with half a message sent), or wait
        /// for its peer to read a reply, before it is closed. A call being answered, such as a
        /// Watch, never times out.
        public var idleTimeout: Duration = .seconds(60)
        public init() {}
    }

    public let endpoint: Endpoint
    public let interfaces: [any VarlinkInterface]
    public let limits: Limits
    private let logger: Logger
    private let service: ServiceInterface

    public init(
        endpoint: Endpoint,
        info: VarlinkServiceInfo,
        interfaces: [any VarlinkInterface],
        limits: Limits = Limits(),
        logger: Logger
    ) {
        self.endpoint = endpoint
        self.interfaces = interfaces
        self.limits = limits
        self.logger = logger
        self.service = ServiceInterface(info: info, interfaces: interfaces)
    }

    /// Listens and serves until the task is cancelled.
    ///
    /// - Parameter onListening: called once the socket accepts connections; the daemon sends
    ///   `READY=1` from here, so that clients never see "connection refused" after readiness.
    public func run(onListening: @Sendable () async -> Void = {}) async throws {
        let limits = limits
        let counter = ConnectionCounter(limit: limits.maximumConnections)
        // Connections reach the accept loop as plain channels, with reading off: the async
        // wrapper is made only once a task serves the connection. An accepted connection that
        // is never served (the loop stopped at that moment) is then a plain channel that goes
        // down with the event loop, not an unfinished NIOAsyncChannel, which traps when released.
        let initializer: @Sendable (any Channel) -> EventLoopFuture<any Channel> = { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.syncOptions?.setOption(.autoRead, value: false)
                return channel
            }
        }
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
        let server: NIOAsyncChannel<any Channel, Never>
        switch endpoint {
        case .path(let path, let mode, let group):
            try StaleSocket.removeIfDead(at: path)
            server = try await bootstrap.bind(unixDomainSocketPath: path, childChannelInitializer: initializer)
            chmod(path, mode)
            if let group { chown(path, uid_t.max, group) }
        case .descriptor(let descriptor):
            server = try await bootstrap.bind(descriptor, childChannelInitializer: initializer)
        }
        logger.info("listening", metadata: ["endpoint": "\(endpoint)"])
        await onListening()
        // The accept loop must not be cancelled directly: a cancelled iteration drops the
        // connections NIO has already accepted and wrapped, and an unfinished NIOAsyncChannel
        // traps when released. So cancellation closes the listening channel instead; the loop
        // then drains what was accepted, and only then are the connections themselves cancelled.
        let acceptLoop = Task {
            try await withThrowingDiscardingTaskGroup { group in
                try? await server.executeThenClose { connections in
                    for try await connection in connections {
                        guard counter.enter() else {
                            logger.warning(
                                "refused a connection: too many open", metadata: ["limit": "\(counter.limit)"])
                            connection.close(promise: nil)
                            continue
                        }
                        group.addTask {
                            defer { counter.leave() }
                            await serve(connection, limits: limits)
                        }
                    }
                }
                group.cancelAll()
            }
        }
        try await withTaskCancellationHandler {
            try await acceptLoop.value
        } onCancel: {
            server.channel.close(promise: nil)
        }
    }

    private func serve(_ channel: any Channel, limits: Limits) async {
        let connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            connection = try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(
                    ByteToMessageHandler(NULFrameDecoder(maximumFrameSize: limits.maximumMessageSize)))
                let configuration = NIOAsyncChannel<ByteBuffer, ByteBuffer>.Configuration(
                    backPressureStrategy: .init(lowWatermark: 1, highWatermark: max(limits.maximumPipelinedCalls, 1)))
                let connection = try NIOAsyncChannel<ByteBuffer, ByteBuffer>(
                    wrappingChannelSynchronously: channel, configuration: configuration)
                try channel.syncOptions?.setOption(.autoRead, value: true)
                channel.read()
                return connection
            }.get()
        } catch {
            channel.close(promise: nil)
            return
        }
        let peer = await PeerCredentials.of(connection.channel)
        let activity = ConnectionActivity(timeout: limits.idleTimeout)
        do {
            try await connection.executeThenClose { inbound, outbound in
                let channel = connection.channel
                let context = VarlinkCallContext(
                    peer: peer,
                    send: { message in
                        var buffer = ByteBuffer(bytes: message)
                        buffer.writeInteger(UInt8(0))
                        activity.update { $0.writeStarted(now: .now) }
                        defer { activity.update { $0.writeFinished() } }
                        try await outbound.write(buffer)
                    },
                    waitForClose: {
                        // A future's `get` ignores cancellation; closing the channel completes it.
                        await withTaskCancellationHandler {
                            try? await channel.closeFuture.get()
                        } onCancel: {
                            channel.close(promise: nil)
                        }
                    })
                try await withThrowingTaskGroup { group in
                    group.addTask { await Self.closeWhenStalled(channel, activity: activity) }
                    for try await frame in inbound {
                        activity.update { $0.callStarted() }
                        try await answer(Data(frame.readableBytesView), context: context)
                        activity.update { $0.callFinished(now: .now) }
                    }
                    group.cancelAll()
                }
            }
        } catch {
            logger.debug("connection closed", metadata: ["error": "\(error)"])
        }
    }

    /// Closes the connection once its peer has stalled (`ConnectionWatchdog`); returns when
    /// cancelled, that is when the connection ends anyway.
    private static func closeWhenStalled(_ channel: any Channel, activity: ConnectionActivity) async {
        let tick = min(activity.timeout / 4, .seconds(1))
        while (try? await Task.sleep(for: tick)) != nil {
            if activity.hasStalled {
                channel.close(promise: nil)
                return
            }
        }
    }

    /// Answers one frame. Only a frame that is not a varlink call at all ends the connection:
    /// after that the stream can't be trusted to be in step.
    private func answer(_ frame: Data, context: VarlinkCallContext) async throws {
        let call = try VarlinkMessage.decodeCall(frame)
        let replyContext =
            call.oneway
            ? VarlinkCallContext(peer: context.peer, send: { _ in }, waitForClose: context.waitForClose) : context
        do {
            try await route(call).handle(call, context: replyContext)
        } catch let error as VarlinkError {
            if !call.oneway { try await context.send(VarlinkMessage.encodeError(error)) }
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.error("method failed", metadata: ["method": "\(call.method)", "error": "\(error)"])
            if !call.oneway { try await context.send(VarlinkMessage.encodeError(.internalError)) }
        }
    }

    private func route(_ call: VarlinkCall) throws(VarlinkError) -> any VarlinkInterface {
        if call.interface == service.name { return service }
        if let interface = interfaces.first(where: { $0.name == call.interface }) { return interface }
        throw .interfaceNotFound(call.interface)
    }
}

extension PeerCredentials {
    /// Reads `SO_PEERCRED` from a connected Unix socket.
    static func of(_ channel: any Channel) async -> PeerCredentials? {
        guard let provider = channel as? any SocketOptionProvider else { return nil }
        let future: EventLoopFuture<KernelCredentials> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET),
            name: SocketOptionName(SO_PEERCRED)
        )
        guard let credentials = try? await future.get() else { return nil }
        return PeerCredentials(processID: credentials.pid, userID: credentials.uid, groupID: credentials.gid)
    }
}

/// `struct ucred` from <sys/socket.h>, which Glibc's module map hides behind `_GNU_SOURCE`;
/// the kernel's layout is three 32-bit fields.
private struct KernelCredentials: Sendable {
    var pid: Int32 = 0
    var uid: UInt32 = 0
    var gid: UInt32 = 0
}
