// SPDX-License-Identifier: Apache-2.0
import Testing
import Varlink
import VarlinkNIO

@testable import NewsDaemon

/// Who may call what, with the user's groups supplied by the test.
@Suite struct AccessPolicyTests {
    static func peer(user: UInt32, group: UInt32 = 100) -> PeerCredentials {
        PeerCredentials(processID: 1, userID: user, groupID: group)
    }

    static func policy(read: AccessPolicy.Rule = .init(), write: AccessPolicy.Rule = .init()) -> AccessPolicy {
        var policy = AccessPolicy(read: read, write: write)
        // User 1001 is also in group 500 (a supplementary group).
        policy.groupsOfUser = { user, primary in user == 1001 ? [primary, 500] : [primary] }
        return policy
    }

    @Test func emptyListsLetAnyoneIn() throws {
        let policy = Self.policy()
        try policy.check("Ingest", peer: Self.peer(user: 4242))
        try policy.check("Search", peer: nil)
    }

    @Test func writeMethodsNeedTheWriteList() throws {
        let policy = Self.policy(write: .init(users: [1000]))
        for method in ["Ingest", "Reindex", "Backup"] {
            #expect(throws: AccessPolicy.denied) { try policy.check(method, peer: Self.peer(user: 1002)) }
            try policy.check(method, peer: Self.peer(user: 1000))
            try policy.check(method, peer: Self.peer(user: 0))
        }
        try policy.check("Search", peer: Self.peer(user: 1002))
        try policy.check("Watch", peer: Self.peer(user: 1002))
    }

    @Test func readersComeByUserPrimaryOrSupplementaryGroupAndWritersMayRead() throws {
        let policy = Self.policy(read: .init(groups: [500, 600]), write: .init(users: [1003]))
        try policy.check("Search", peer: Self.peer(user: 1001))
        try policy.check("Status", peer: Self.peer(user: 1004, group: 600))
        try policy.check("Get", peer: Self.peer(user: 1003))
        #expect(throws: AccessPolicy.denied) { try policy.check("Search", peer: Self.peer(user: 1002)) }
        #expect(throws: AccessPolicy.denied) { try policy.check("Search", peer: nil) }
        #expect(throws: AccessPolicy.denied) { try policy.check("Ingest", peer: Self.peer(user: 1001)) }
    }
}
