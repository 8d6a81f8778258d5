import Foundation
import Graph
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Terminal formatting shared by the subcommands.
enum Format {
    /// `text` cut to `width` characters with an ellipsis.
    static func shorten(_ text: String, _ width: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= width ? flat : String(flat.prefix(width - 1)) + "…"
    }

    /// The terminal's width in columns when stdout is a terminal (`COLUMNS`, else the terminal's
    /// own size, else 80); nil when stdout is a pipe or a file, which get whole sentences.
    static let terminalWidth: Int? = {
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }()

    /// An evidence line: "outlet, date: sentence", the sentence centred on the two names and cut
    /// to what is left of the terminal's width after `indent` columns (whole on a pipe).
    static func evidence(_ ev: Evidence, names: [Entity], documents: [String: Document], indent: Int) -> String {
        let source = documents[ev.documentID]?.shortCitation ?? ev.documentID
        let room = terminalWidth.map { max(30, $0 - indent - source.count - 2) }
        return "\(source): \(Snippet.centred(ev.text, on: names, width: room))"
    }

    /// The entity of an id with its aliases (to find its names in evidence), else one known by
    /// id and name only, typed by its id's prefix ("person:...").
    static func entity(_ id: String, _ name: String, in store: GraphStore) -> Entity {
        (try? store.resolveEntity(id)) ?? Entity(id: id, name: name, type: id.split(separator: ":").first.flatMap { EntityType(rawValue: String($0)) } ?? .organization)
    }

    /// "N articles": the distinct documents among the evidence (sentences of one article are one source).
    static func articles(_ evidence: [Evidence]) -> String {
        let n = Set(evidence.map(\.documentID)).count
        return "\(n) article\(n == 1 ? "" : "s")"
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
