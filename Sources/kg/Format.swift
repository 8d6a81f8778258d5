import Foundation
import Graph

/// Terminal formatting shared by the subcommands.
enum Format {
    /// `text` cut to `width` characters with an ellipsis.
    static func shorten(_ text: String, _ width: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= width ? flat : String(flat.prefix(width - 1)) + "…"
    }

    /// Rows padded into aligned columns (the last column is not padded).
    static func table(_ rows: [[String]]) -> String {
        guard let cols = rows.map(\.count).max() else { return "" }
        var widths = Array(repeating: 0, count: cols)
        for r in rows { for (i, c) in r.enumerated() where i < cols - 1 { widths[i] = max(widths[i], c.count) } }
        return rows.map { r in
            r.enumerated().map { i, c in i < cols - 1 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0) : c }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func arrow(_ d: Direction) -> String {
        switch d {
        case .out: return "->"
        case .in: return "<-"
        case .both: return "--"
        }
    }
}
