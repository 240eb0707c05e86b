// SPDX-License-Identifier: Apache-2.0

/// Writes a ``QueryNode`` as an FTS5 MATCH expression (https://sqlite.org/fts5.html#full_text_query_syntax).
///
/// This is the only place that writes FTS5 operators. User text only ever appears inside FTS5 strings
/// (``QueryTerm/fts5String``), so nothing a user types can become syntax. Every compound operand is put in
/// parentheses rather than leaning on FTS5's precedence (NOT over AND over OR), which differs from ours.
enum FTS5QueryCompiler {
    static func match(for node: QueryNode) -> String {
        compile(node).text
    }

    /// The expression and its phrases, listed as they are written.
    static func compile(_ node: QueryNode) -> FTS5Match {
        var output = FTS5Match(text: "", phrases: [])
        write(node, columns: "", into: &output)
        return output
    }

    /// Writes `node`; `columns` is the column filter around it, which each phrase's entry keeps.
    private static func write(_ node: QueryNode, columns: String, into output: inout FTS5Match) {
        switch node {
        case .term(let term):
            output.text += term.fts5String
            output.phrases.append(columns + term.fts5String)
        case .near(let terms, let distance):
            output.text += "NEAR("
            output.text += terms.map(\.fts5String).joined(separator: " ")
            output.text += ", \(distance))"
            output.phrases += terms.map { columns + $0.fts5String }
        case .all(let required, let excluded):
            let groupRequired = required.count > 1 && !excluded.isEmpty
            if groupRequired { output.text += "(" }
            for (index, child) in required.enumerated() {
                if index > 0 { output.text += " AND " }
                writeOperand(child, columns: columns, into: &output)
            }
            if groupRequired { output.text += ")" }
            for child in excluded {
                output.text += " NOT "
                writeOperand(child, columns: columns, into: &output)
            }
        case .any(let nodes):
            for (index, child) in nodes.enumerated() {
                if index > 0 { output.text += " OR " }
                writeOperand(child, columns: columns, into: &output)
            }
        case .field(let field, let inner):
            // `col : phrase` and `col : NEAR(...)` need no parentheses; anything else gets them.
            output.text += field.columnName + ":"
            let columns = columns + field.columnName + ":"
            switch inner {
            case .term, .near:
                write(inner, columns: columns, into: &output)
            case .all, .any, .field:
                output.text += "("
                write(inner, columns: columns, into: &output)
                output.text += ")"
            }
        }
    }

    /// Writes `node` so that it binds as one operand whatever surrounds it.
    private static func writeOperand(_ node: QueryNode, columns: String, into output: inout FTS5Match) {
        switch node {
        case .term, .near, .field:
            write(node, columns: columns, into: &output)
        case .all, .any:
            output.text += "("
            write(node, columns: columns, into: &output)
            output.text += ")"
        }
    }
}
