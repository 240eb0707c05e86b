// SPDX-License-Identifier: Apache-2.0
import Glibc
import Varlink
import VarlinkNIO

/// Who may call which method, decided from the peer's `SO_PEERCRED` credentials.
///
/// The socket's file mode already limits who can connect; this narrows it per method. Methods
/// that change what newsd holds or writes (`Ingest`, `Reindex`, `Backup`) are *write* methods,
/// every other one *read*. An empty pair of lists means anyone who can open the socket. Root and
/// newsd's own user are always let in: both can read the database file directly anyway.
struct AccessPolicy: Sendable, Hashable {
    struct Rule: Sendable, Hashable {
        var users: Set<uid_t> = []
        var groups: Set<gid_t> = []

        var isOpen: Bool { users.isEmpty && groups.isEmpty }
    }

    var read = Rule()
    var write = Rule()
    /// The groups of a user, supplementary ones included; replaceable in tests.
    var groupsOfUser: @Sendable (uid_t, gid_t) -> Set<gid_t> = AccessPolicy.systemGroups

    static let writeMethods: Set<String> = ["Ingest", "Reindex", "Backup"]

    /// Throws `org.varlink.service.PermissionDenied` unless `peer` may call `member`. Whoever
    /// may write may also read.
    func check(_ member: String, peer: PeerCredentials?) throws(VarlinkError) {
        let rules = Self.writeMethods.contains(member) ? [write] : [read, write]
        if rules[0].isOpen { return }
        guard let peer else { throw Self.denied }
        if peer.userID == 0 || peer.userID == getuid() { return }
        let groups = groupsOfUser(peer.userID, peer.groupID)
        for rule in rules where rule.users.contains(peer.userID) || !rule.groups.isDisjoint(with: groups) { return }
        throw Self.denied
    }

    /// The error carries no detail: which users are allowed is not the caller's business.
    static let denied = VarlinkError(name: "org.varlink.service.PermissionDenied")

    /// The peer's primary group and the groups `/etc/group` lists the user in.
    @Sendable static func systemGroups(of user: uid_t, primary: gid_t) -> Set<gid_t> {
        var found: Set<gid_t> = [primary]
        guard let entry = getpwuid(user), let name = entry.pointee.pw_name else { return found }
        var count: Int32 = 64
        var groups = [gid_t](repeating: 0, count: Int(count))
        if getgrouplist(name, primary, &groups, &count) < 0 {
            groups = [gid_t](repeating: 0, count: Int(count))
            _ = getgrouplist(name, primary, &groups, &count)
        }
        found.formUnion(groups.prefix(Int(max(count, 0))))
        return found
    }

    static func == (lhs: AccessPolicy, rhs: AccessPolicy) -> Bool {
        lhs.read == rhs.read && lhs.write == rhs.write
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(read)
        hasher.combine(write)
    }
}
