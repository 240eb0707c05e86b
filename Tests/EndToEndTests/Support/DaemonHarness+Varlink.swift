// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsAPI
import NewsdTestSupport
import Varlink

extension DaemonHarness {
    /// Calls `io.newsd.Ingest` as a raw varlink peer would, bypassing newsq's own clean-up of
    /// the name, and returns the path the daemon chose.
    func ingest(name: String, content: Data) throws -> String {
        let request = IngestRequest(name: name, contentBase64: content.base64EncodedString())
        return try VarlinkClient(path: socket).call("io.newsd.Ingest", parameters: request, returning: IngestReply.self)
            .path
    }

    /// Starts `newsq ARGUMENTS` in the background, its output going to files in the harness folder.
    func startNewsq(_ arguments: [String], name: String) throws -> (Subprocess, stdout: URL, stderr: URL) {
        let stdout = folder.appendingPathComponent("\(name).out")
        let stderr = folder.appendingPathComponent("\(name).err")
        let process = try Subprocess(
            Binaries.url(of: "newsq").path, arguments, environment: environment, standardOutput: stdout.path,
            standardError: stderr.path)
        return (process, stdout, stderr)
    }
}
