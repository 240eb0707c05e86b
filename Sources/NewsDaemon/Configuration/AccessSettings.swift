// SPDX-License-Identifier: Apache-2.0
import Glibc

/// The `access` section of the configuration: user and group names (or numeric ids) allowed
/// to call read methods and write methods. Resolved to ids once, at start.
public struct AccessSettings: Sendable, Hashable {
    public var readUsers: [String] = []
    public var readGroups: [String] = []
    public var writeUsers: [String] = []
    public var writeGroups: [String] = []

    public init() {}

    /// The ids these names stand for; an unknown name is a configuration error, so that a
    /// typo can't silently lock everyone out (or let everyone in).
    func policy() throws(ConfigurationError) -> AccessPolicy {
        var policy = AccessPolicy()
        policy.read.users = try Set(readUsers.map { name throws(ConfigurationError) in try Self.user(name) })
        policy.read.groups = try Set(readGroups.map { name throws(ConfigurationError) in try Self.group(name) })
        policy.write.users = try Set(writeUsers.map { name throws(ConfigurationError) in try Self.user(name) })
        policy.write.groups = try Set(writeGroups.map { name throws(ConfigurationError) in try Self.group(name) })
        return policy
    }

    private static func user(_ name: String) throws(ConfigurationError) -> uid_t {
        if let id = uid_t(name) { return id }
        guard let entry = getpwnam(name) else {
            throw ConfigurationError(path: "access", message: "no user named \(name)")
        }
        return entry.pointee.pw_uid
    }

    private static func group(_ name: String) throws(ConfigurationError) -> gid_t {
        if let id = gid_t(name) { return id }
        guard let entry = getgrnam(name) else {
            throw ConfigurationError(path: "access", message: "no group named \(name)")
        }
        return entry.pointee.gr_gid
    }
}
