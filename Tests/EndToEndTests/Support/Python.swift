// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsdTestSupport

/// The helper scripts in `Tests/python`, run with the Python that `scripts/install-deps`
/// prepared: `$NEWSD_PYTHON`, else the first `python3` in `PATH`, with `.build-deps/python`
/// (where install-deps puts the modules that Python lacks: varlink, maybe jsonschema) first
/// in its module path.
enum Python {
    static var interpreter: String {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["NEWSD_PYTHON"], !chosen.isEmpty { return chosen }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/python3") {
            return "\(folder)/python3"
        }
        return "/usr/bin/python3"
    }

    static var scripts: URL { Binaries.repositoryRoot.appendingPathComponent("Tests/python") }
    static var schemas: URL { Binaries.repositoryRoot.appendingPathComponent("docs/schema") }

    static func environment(_ base: [String: String]) -> [String: String] {
        var environment = base
        let modules = Binaries.repositoryRoot.appendingPathComponent(".build-deps/python").path
        environment["PYTHONPATH"] = [modules, base["PYTHONPATH"]].compactMap { $0 }.filter { !$0.isEmpty }
            .joined(separator: ":")
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        return environment
    }

    /// Runs `Tests/python/SCRIPT ARGUMENTS` to completion, output captured.
    static func run(
        _ script: String, _ arguments: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> DaemonHarness.Output {
        try Binaries.runExecutable(
            interpreter, [scripts.appendingPathComponent(script).path] + arguments,
            environment: Self.environment(environment))
    }

    /// Whether the interpreter can import `module`; for a failure message that says what to run.
    static func canImport(_ module: String) -> Bool {
        (try? Binaries.runExecutable(
            interpreter, ["-c", "import \(module)"], environment: environment(ProcessInfo.processInfo.environment)
        ).status) == 0
    }
}
