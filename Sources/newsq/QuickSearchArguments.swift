// SPDX-License-Identifier: Apache-2.0

/// Reads the command line of an everyday search (`newsq --json --limit 5 Black Sea`) without
/// swift-argument-parser.
///
/// ArgumentParser builds its model of the options by reflection on every run: type metadata
/// looked up by mangled name and protocol conformances scanned over the whole binary, about
/// more than half of newsq's own CPU time on a search (perf record over repeated runs).
/// This reader knows the search options and nothing else: anything it does not recognise, a
/// value that does not convert or fails validation, `--help`, returns `nil`, and the command
/// line goes to ArgumentParser, which parses it (or explains the mistake) as before. Both
/// readings produce the same `SearchInvocation`; `QuickSearchArgumentsTests` checks that
/// they agree.
enum QuickSearchArguments {
    static func parse(_ arguments: [String]) -> SearchInvocation? {
        var invocation = SearchInvocation()
        var formats: [SearchOutputFormat] = []
        var color = SearchOutputOptions.ColorChoice.auto
        var index = 0
        var onlyWords = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard !onlyWords, argument.hasPrefix("-"), argument != "-" else {
                invocation.words.append(argument)
                continue
            }
            if argument == "--" {
                onlyWords = true
                continue
            }
            var name = argument
            var attached: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                attached = String(argument[argument.index(after: equals)...])
            }
            /// The option's value: attached with `=`, else the next argument.
            func value() -> String? {
                if let attached { return attached }
                guard index < arguments.count else { return nil }
                index += 1
                return arguments[index - 1]
            }
            switch name {
            case "--json" where attached == nil: formats.append(.json)
            case "--jsonl" where attached == nil: formats.append(.jsonl)
            case "--ids" where attached == nil: formats.append(.ids)
            case "--paths" where attached == nil: formats.append(.paths)
            case "--all" where attached == nil: invocation.all = true
            case "--facets" where attached == nil: invocation.facets = true
            case "--explain" where attached == nil: invocation.explain = true
            case "--limit", "-l":
                guard let number = value().flatMap(Int.init) else { return nil }
                invocation.limit = number
            case "--page", "-p":
                guard let number = value().flatMap(Int.init) else { return nil }
                invocation.page = number
            case "--sort":
                guard let order = value().flatMap(SearchCommand.SortOrder.init(rawValue:)) else { return nil }
                invocation.sort = order.rawValue
            case "--color":
                guard let choice = value().flatMap(SearchOutputOptions.ColorChoice.init(rawValue:)) else { return nil }
                color = choice
            case "--since":
                guard let text = value() else { return nil }
                invocation.since = text
            case "--until":
                guard let text = value() else { return nil }
                invocation.until = text
            case "--source":
                guard let text = value() else { return nil }
                invocation.source = text
            case "--socket":
                guard let text = value() else { return nil }
                invocation.socket = DaemonSocket(explicitPath: text)
            case "--half-life":
                guard let days = value().flatMap(Double.init) else { return nil }
                invocation.halfLife = days
            default:
                return nil
            }
        }
        // What SearchCommand.validate refuses goes to ArgumentParser, for its message.
        guard SearchInvocation.problem(words: invocation.words, limit: invocation.limit, page: invocation.page) == nil,
            formats.count <= 1
        else { return nil }
        invocation.format = formats.first ?? .cards(color)
        return invocation
    }
}
