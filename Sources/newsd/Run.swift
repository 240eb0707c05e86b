// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import Logging
import NewsDaemon

/// `newsd run`: the daemon in the foreground.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the daemon in the foreground (the default command)."
    )

    @Option(name: .long, help: "The configuration file.")
    var config: String?

    func run() async throws {
        AllocatorArenas.limit()
        let path = config ?? "Config/newsd.yaml"
        let configuration: DaemonConfiguration
        do {
            configuration = try DaemonConfiguration.load(path: path, requireFile: config != nil)
        } catch {
            FileHandle.standardError.write(Data("newsd: configuration error: \(error)\n".utf8))
            throw ExitCode(78)  // EX_CONFIG, which systemd shows as "configuration error"
        }
        // The journal when stderr is connected to it (JOURNAL_STREAM), plain lines otherwise.
        DaemonLogging.bootstrap(level: configuration.logLevel)
        let logger = Logger(label: "newsd")
        do {
            try await NewsDaemon(
                configuration: configuration, configurationPath: path, requireFile: config != nil, logger: logger
            ).run()
        } catch {
            logger.critical("newsd stopped on an error", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
    }
}
