// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import NewsDaemon

/// The socket keys: access lists resolve names to ids at start, and mistakes are reported.
@Suite struct ConfigurationAccessTests {
    static func configuration(_ yaml: String) throws -> DaemonConfiguration {
        var configuration = DaemonConfiguration()
        try configuration.apply(yaml: yaml, path: "test.yaml")
        return configuration
    }

    @Test func accessListsAndSocketLimitsParse() throws {
        let configuration = try Self.configuration(
            """
            socket_idle_timeout: 5
            max_connections: 10
            access:
              read_groups: [root, "4242"]
              write_users: [root]
            """)
        #expect(configuration.socketIdleTimeoutSeconds == 5)
        #expect(configuration.maximumConnections == 10)
        let policy = try configuration.access.policy()
        #expect(policy.read.groups == [0, 4242])
        #expect(policy.write.users == [0])
        #expect(policy.read.users.isEmpty && policy.write.groups.isEmpty)
    }

    @Test func anUnknownUserIsAnErrorNotASilentLockOut() throws {
        let configuration = try Self.configuration("access:\n  write_users: [no-such-user-here]\n")
        #expect(throws: ConfigurationError.self) { try configuration.access.policy() }
        #expect(throws: ConfigurationError.self) { try Self.configuration("access:\n  readers: [root]\n") }
        #expect(throws: ConfigurationError.self) { try Self.configuration("max_connections: 0\n") }
    }
}
