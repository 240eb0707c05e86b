// SPDX-License-Identifier: Apache-2.0

/// Writes a ``QueryNode`` as an FTS5 MATCH expression (https://sqlite.org/fts5.html#full_text_query_syntax).
///
/// This is the only place that writes FTS5 operators. User text only ever appears inside FTS5 strings
/// (``QueryTerm/fts5String``), so nothing a user types can become syntax. Every compound operand is put in
/// parentheses rather than leaning on FTS5's precedence (NOT over AND over OR), which differs from ours.
enum FTS5QueryCompiler {
    static func match(for node: QueryNode) -> String {
        var output = ""
        write(node, into: &output)
        return output
    }

    private static func write(_ node: QueryNode, into output: inout String) {
        switch node {
        case .term(let term):
            output += term.fts5String
        case .near(let terms, let distance):
            output += "NEAR("
            output += terms.map(\.fts5String).joined(separator: " ")
            output += ", \(distance))"
        case .all(let required, let excluded):
            let groupRequired = required.count > 1 && !excluded.isEmpty
            if groupRequired { output += "(" }
            for (index, child) in required.enumerated() {
                if index > 0 { output += " AND " }
                writeOperand(child, into: &output)
            }
            if groupRequired { output += ")" }
            for child in excluded {
                output += " NOT "
                writeOperand(child, into: &output)
            }
        case .any(let nodes):
            for (index, child) in nodes.enumerated() {
                if index > 0 { output += " OR " }
                writeOperand(child, into: &output)
            }
        case .field(let field, let inner):
            // `col : phrase` and `col : NEAR(...)` need no parentheses; anything else gets them.
            output += field.columnName + ":"
            switch inner {
            case .term, .near:
                write(inner, into: &output)
            case .all, .any, .field:
                output += "("
                write(inner, into: &output)
                output += ")"
            }
        }
    }

    /// Writes `node` so that it binds as one operand whatever surrounds it.
    private static func writeOperand(_ node: QueryNode, into output: inout String) {
        switch node {
        case .term, .near, .field:
            write(node, into: &output)
        case .all, .any:
            output += "("
            write(node, into: &output)
            output += ")"
        }
    }
}
