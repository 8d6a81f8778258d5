import CGraphviz
import Foundation

extension GraphvizRenderer {
    /// The most citing sentences an edge's tooltip lists (the rest are counted).
    static let tooltipSentences = 8

    /// Builds the cgraph graph of a diagram: styled nodes and edges with tooltips, links and
    /// ids (`n<i>`, `e<i>`, in the diagram's order), and the legend. The caller holds the lock
    /// and closes the graph.
    func build(_ diagram: Diagram, title: String, engine: String, legend: Bool) throws -> UnsafeMutablePointer<Agraph_t> {
        guard let g = "kg".withCString({ agopen(UnsafeMutablePointer(mutating: $0), kg_agdirected(), nil) }) else {
            throw RenderError.graphviz("agopen failed")
        }
        do {
            try fill(g, diagram, title: title, engine: engine, legend: legend)
        } catch {
            agclose(g)
            throw error
        }
        return g
    }

    private func fill(_ g: UnsafeMutablePointer<Agraph_t>, _ diagram: Diagram, title: String, engine: String, legend: Bool) throws {
        set(g, [("rankdir", "LR", "TB"), ("fontname", "Helvetica", "Times-Roman"), ("bgcolor", "white", ""), ("pad", "0.3", "0.0555"),
                ("nodesep", "0.35", "0.25"), ("ranksep", "0.9", "0.5")])
        if engine != "dot" {
            set(g, "overlap", "prism", default: "true")
            set(g, "sep", "+12", default: "+4")
            set(g, "esep", "+6", default: "+3")
        }
        set(g, "outputorder", "edgesfirst", default: "breadthfirst")
        set(g, "label", Self.escapeLabel(title), default: "")
        set(g, "labelloc", "t", default: "b")
        set(g, "fontsize", "18", default: "14")
        set(g, "tooltip", Self.escapeLabel(title), default: "")

        var nodes: [String: UnsafeMutablePointer<Agnode_t>] = [:]
        for (i, n) in diagram.nodes.enumerated() {
            let e = n.entity
            guard let node = e.id.withCString({ agnode(g, UnsafeMutablePointer(mutating: $0), 1) }) else {
                throw RenderError.graphviz("agnode failed for \(e.id)")
            }
            nodes[e.id] = node
            let s = style.node(e.type)
            set(node, "id", "n\(i)", default: "")
            set(node, "label", Self.escapeLabel(e.name), default: "\\N")
            set(node, "shape", s.shape, default: "ellipse")
            set(node, "style", "filled", default: "")
            set(node, "fillcolor", s.fill, default: "lightgrey")
            set(node, "color", s.border, default: "black")
            set(node, "fontname", n.isFocus ? "Helvetica-Bold" : "Helvetica", default: "Times-Roman")
            set(node, "fontsize", n.isFocus ? "14" : "11", default: "14")
            if n.isFocus {
                set(node, "penwidth", "3", default: "1")
                set(node, "peripheries", "2", default: "1")
            }
            set(node, "tooltip", Self.escapeLabel(Self.tooltip(n)), default: "")
            if let first = n.articles.first, let link = diagram.link(first) {
                set(node, "URL", Self.escapeLabel(link), default: "")
                set(node, "target", "_blank", default: "")
            }
        }
        for (i, edge) in diagram.edges.enumerated() {
            guard let h = nodes[edge.head], let t = nodes[edge.tail] else { continue }
            guard let e = "e\(i)".withCString({ agedge(g, h, t, UnsafeMutablePointer(mutating: $0), 1) }) else {
                throw RenderError.graphviz("agedge failed for \(edge.head) -> \(edge.tail)")
            }
            let color = style.edgeColors[edge.family] ?? "black"
            let count = edge.articles
            set(e, "id", "e\(i)", default: "")
            set(e, "label", Self.escapeLabel(edge.family.label + (count > 1 ? " ×\(count)" : "")), default: "")
            set(e, "color", color, default: "black")
            set(e, "fontcolor", color, default: "black")
            set(e, "fontname", "Helvetica", default: "Times-Roman")
            set(e, "fontsize", "10", default: "14")
            set(e, "penwidth", String(format: "%.1f", min(4.5, 0.6 + 0.9 * Double(count))), default: "1")
            if edge.family.isSymmetric { set(e, "dir", "none", default: "forward") } else if edge.bothWays { set(e, "dir", "both", default: "forward") }
            let tip = Self.escapeLabel(Self.tooltip(edge, in: diagram))
            for attr in ["tooltip", "edgetooltip", "labeltooltip"] { set(e, attr, tip, default: "") }
            if let first = edge.evidence.first, let link = diagram.link(first.documentID) {
                for attr in ["URL", "edgeURL", "labelURL"] { set(e, attr, Self.escapeLabel(link), default: "") }
                for attr in ["target", "edgetarget", "labeltarget"] { set(e, attr, "_blank", default: "") }
            }
        }
        if legend { try addLegend(g, diagram) }
    }

    /// One node whose HTML-like label is a table: each drawn type's shape and colours, each drawn
    /// family's colour, and what "×N" means.
    private func addLegend(_ g: UnsafeMutablePointer<Agraph_t>, _ diagram: Diagram) throws {
        let types = Set(diagram.nodes.map(\.entity.type)).sorted()
        let families = Set(diagram.edges.map(\.family)).sorted()
        var rows = [#"<TR><TD COLSPAN="2" BORDER="0"><B>Legend</B></TD></TR>"#]
        for t in types {
            let s = style.node(t)
            rows.append(#"<TR><TD BGCOLOR="\#(s.fill)" COLOR="\#(s.border)" BORDER="1">\#(Self.escapeHTML(t.rawValue))</TD>"#
                + #"<TD ALIGN="LEFT" BORDER="0">\#(Self.escapeHTML(s.shapeName))</TD></TR>"#)
        }
        for f in families {
            let c = style.edgeColors[f] ?? "black"
            rows.append(#"<TR><TD BORDER="0"><FONT COLOR="\#(c)"><B>⟶</B></FONT></TD><TD ALIGN="LEFT" BORDER="0"><FONT COLOR="\#(c)">\#(Self.escapeHTML(f.label))</FONT></TD></TR>"#)
        }
        rows.append(#"<TR><TD COLSPAN="2" BORDER="0"><FONT POINT-SIZE="9">×N: stated in N articles</FONT></TD></TR>"#)
        let html = ##"<TABLE BORDER="1" COLOR="#9ca3af" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" BGCOLOR="white">"## + rows.joined() + "</TABLE>"
        guard let node = "kg-legend".withCString({ agnode(g, UnsafeMutablePointer(mutating: $0), 1) }) else {
            throw RenderError.graphviz("agnode failed for the legend")
        }
        set(node, [("id", "legend", ""), ("shape", "none", "ellipse"), ("margin", "0", ""), ("fontname", "Helvetica", "Times-Roman"),
                   ("fontsize", "10", "14"), ("tooltip", "Legend", "")])
        guard let label = html.withCString({ agstrdup_html(g, UnsafeMutablePointer(mutating: $0)) }) else {
            throw RenderError.graphviz("agstrdup_html failed for the legend")
        }
        defer { agstrfree(g, label) }
        "label".withCString { n in "".withCString { d in _ = agsafeset(UnsafeMutableRawPointer(node), UnsafeMutablePointer(mutating: n), label, UnsafeMutablePointer(mutating: d)) } }
    }

    /// "Name (type)", aliases, and the number of articles that mention it.
    static func tooltip(_ n: Diagram.Node) -> String {
        var lines = ["\(n.entity.name) (\(n.entity.type.rawValue))"]
        if !n.entity.aliases.isEmpty { lines.append("also: " + n.entity.aliases.joined(separator: "; ")) }
        lines.append("\(n.articles.count) article\(n.articles.count == 1 ? "" : "s")")
        return lines.joined(separator: "\n")
    }

    /// "head family tail", then each citing sentence with its article's title, outlet and date.
    static func tooltip(_ e: Diagram.Edge, in diagram: Diagram) -> String {
        let head = diagram.entity(e.head)?.name ?? e.head, tail = diagram.entity(e.tail)?.name ?? e.tail
        let count = e.articles
        var lines = ["\(head) \(e.family.label) \(tail)" + (e.bothWays ? " (both ways)" : "") + ", \(count) article\(count == 1 ? "" : "s")"]
        for ev in e.evidence.prefix(tooltipSentences) {
            lines.append("• \(ev.text)")
            lines.append("   — \(diagram.citation(ev.documentID))")
        }
        if e.evidence.count > tooltipSentences { lines.append("… and \(e.evidence.count - tooltipSentences) more sentences") }
        return lines.joined(separator: "\n")
    }

    private func set(_ object: UnsafeMutableRawPointer, _ name: String, _ value: String, default def: String) {
        name.withCString { n in
            value.withCString { v in
                def.withCString { d in
                    _ = agsafeset(object, UnsafeMutablePointer(mutating: n), UnsafeMutablePointer(mutating: v), UnsafeMutablePointer(mutating: d))
                }
            }
        }
    }

    private func set<T>(_ object: UnsafeMutablePointer<T>, _ name: String, _ value: String, default def: String) {
        set(UnsafeMutableRawPointer(object), name, value, default: def)
    }

    /// Sets several attributes, each `(name, value, default)`.
    private func set<T>(_ object: UnsafeMutablePointer<T>, _ attributes: [(String, String, String)]) {
        for (name, value, def) in attributes { set(UnsafeMutableRawPointer(object), name, value, default: def) }
    }

    /// `text` without characters XML cannot carry or a page should not. A run of control characters
    /// (form feed, vertical tab, escape, NUL...) and tabs becomes one space where it stands between
    /// two words ("was\u{0C}brief" reads "was brief"), and goes where a space or line break is next to
    /// it or the text begins or ends; line breaks stay. The non-characters U+FFFE and U+FFFF are dropped.
    /// - Complexity: O(n) in the scalars of `text`.
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isSeparatingControl($0) || isNonCharacter($0) }) else { return text }
        var out = String.UnicodeScalarView()
        var run = false // a run of controls seen since the last scalar kept
        for s in text.unicodeScalars {
            if isNonCharacter(s) { continue }
            if isSeparatingControl(s) { run = true; continue }
            if run, let last = out.last, !last.properties.isWhitespace, !s.properties.isWhitespace { out.append(" ") }
            run = false
            out.append(s)
        }
        return String(out)
    }

    /// Tabs and control characters other than line breaks (C0, DEL, C1).
    private static func isSeparatingControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    private static func isNonCharacter(_ s: Unicode.Scalar) -> Bool { s.value == 0xFFFE || s.value == 0xFFFF }

    /// A plain Graphviz label or tooltip showing `text` as written: control characters as in ``clean(_:)``,
    /// backslashes doubled (`\n`, `\N` are escapes), `&` written as an entity (Graphviz decodes
    /// entities in plain labels), line breaks as `\n`, and bidirectional controls (U+202E...) as numeric
    /// entities, so DOT text shows them rather than reorder a terminal, and a rendering still has them.
    static func escapeLabel(_ text: String) -> String {
        let escaped = clean(text).replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\n")
        return TerminalText.replacingControls(in: escaped) { "&#\($0.value);" }
    }

    /// Text for an HTML-like label or an HTML page: control characters as in ``clean(_:)``, `& < > " '` as entities.
    public static func escapeHTML(_ text: String) -> String {
        clean(text).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
