// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsDaemon

@Suite struct ConfigurationTests {
    private func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("newsd-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theShippedConfigurationLoadsWithItsDocumentedValues() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Config/newsd.yaml").standardized.path
        let configuration = try DaemonConfiguration.load(path: path, requireFile: true, environment: [:])
        #expect(configuration.inbox == "var/inbox")
        #expect(configuration.socketMode == 0o660)
        #expect(configuration.weights.title == 10)
        #expect(configuration.ingest.batchSize == 256)
    }

    @Test func environmentOverridesTheFile() throws {
        let path = try write("inbox: /srv/in\ndatabase: /srv/db\nsocket: /srv/s\n")
        let configuration = try DaemonConfiguration.load(
            path: path, requireFile: true,
            environment: ["NEWSD_INBOX": "/tmp/in", "NEWSD_DATABASE": "/tmp/db", "NEWSD_SOCKET": "/tmp/s"])
        #expect(configuration.inbox == "/tmp/in")
        #expect(configuration.database == "/tmp/db")
        #expect(configuration.socket == "/tmp/s")
    }

    @Test func aMissingDefaultFileIsFineButAMissingExplicitOneIsNot() throws {
        #expect(
            try DaemonConfiguration.load(path: "/nonexistent.yaml", requireFile: false, environment: [:]).inbox
                == "var/inbox")
        #expect(throws: ConfigurationError.self) {
            try DaemonConfiguration.load(path: "/nonexistent.yaml", requireFile: true, environment: [:])
        }
    }

    @Test(arguments: [
        ("inobx: x\n", "inobx"),
        ("socket_mode: \"999\"\n", "socket_mode"),
        ("log_level: loud\n", "log_level"),
        ("ingest:\n  batch_size: 0\n", "batch_size"),
        ("search:\n  weights:\n    titel: 3\n", "titel"),
        ("inbox: [1, 2]\n", "inbox"),
    ])
    func mistakesNameTheKey(_ text: String, _ key: String) throws {
        let path = try write(text)
        #expect {
            try DaemonConfiguration.load(path: path, requireFile: true, environment: [:])
        } throws: { error in
            "\(error)".contains(key)
        }
    }
}
