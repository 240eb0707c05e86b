// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import NewsAPI
import Varlink

/// `newsq status`: what the daemon holds.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the daemon's counts and sizes."
    )

    @OptionGroup var connection: ConnectionOptions

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let client = try connection.connect()
        let status: StatusReply
        do {
            status = try client.call("io.newsd.Status", parameters: NoParameters(), returning: StatusReply.self)
        } catch {
            throw ClientError.from(error)
        }
        var output = StandardOutput()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            output.write(String(decoding: try encoder.encode(status), as: UTF8.self) + "\n")
        } else {
            output.write(
                """
                newsd \(status.version), up \(Int(status.uptimeSeconds)) s
                articles  \(status.articles)
                files     \(status.files) (\(status.failedFiles) failed)
                database  \(ByteCountText.format(status.databaseBytes))

                """)
        }
        output.flush()
    }
}

/// Sizes as people read them.
enum ByteCountText {
    static func format(_ bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }
}
