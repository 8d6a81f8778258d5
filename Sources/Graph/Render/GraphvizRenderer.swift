import CGraphviz
import Foundation

/// Draws a graph through Graphviz's C libraries, in process: libcgraph builds
/// the graph, libgvc lays it out and renders it.
public struct GraphvizRenderer: Sendable {
    /// Layout engines kg offers (each must also be installed).
    public static let layouts = ["dot", "neato", "fdp", "sfdp", "circo", "twopi"]
    /// Output formats kg offers (each must also be installed).
    public static let formats = ["svg", "png", "pdf"]
    /// Above this many nodes `dot` (super-linear with edge labels) gives way to `sfdp`.
    public static let dotNodeLimit = 300

    public var style: DiagramStyle

    public init(style: DiagramStyle = .standard) {
        self.style = style
    }

    /// A rendered diagram, with the engine actually used and why it differs from the one asked for.
    public struct Output: Sendable {
        public var data: Data
        public var layout: String
        public var note: String?
        /// What Graphviz reported while succeeding (a zero status can still come with warnings).
        public var warnings: String?
    }

    /// Lays out and renders a graph.
    /// - Throws: `RenderError` naming the valid layouts or formats, or carrying Graphviz's messages.
    /// - Complexity: that of the Graphviz engine; `dot` is super-linear, so large graphs use `sfdp`.
    public func render(_ graph: GraphSnapshot, format: String = "svg", layout: String = "dot", title: String? = nil) throws -> Output {
        guard !graph.entities.isEmpty else { throw RenderError.emptyGraph }
        let ctx = GraphvizContext.shared
        return try ctx.run { gvc in
            let validLayouts = Self.layouts.filter(ctx.plugins("layout").contains)
            guard validLayouts.contains(layout) else { throw RenderError.unknownLayout(layout, valid: validLayouts) }
            let validFormats = Self.formats.filter(ctx.plugins("device").contains)
            guard validFormats.contains(format) else { throw RenderError.unknownFormat(format, valid: validFormats) }
            var engine = layout
            var note: String?
            if layout == "dot" && graph.entities.count > Self.dotNodeLimit && validLayouts.contains("sfdp") {
                engine = "sfdp"
                note = "\(graph.entities.count) nodes: laid out with sfdp instead of dot (dot is super-linear above \(Self.dotNodeLimit))"
            }
            let g = try build(graph, title: title, engine: engine)
            defer { agclose(g) }
            guard gvLayout(gvc, g, engine) == 0 else {
                throw RenderError.layoutFailed(engine, messages: ctx.messages())
            }
            defer { gvFreeLayout(gvc, g) }
            var buffer: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            let status = gvRenderData(gvc, g, format, &buffer, &length)
            defer { if let buffer { gvFreeRenderData(buffer) } }
            guard status == 0, let buffer else { throw RenderError.renderFailed(format, messages: ctx.messages()) }
            let data = Data(bytes: buffer, count: Int(length))
            let warnings = ctx.messages()
            return Output(data: data, layout: engine, note: note, warnings: warnings.isEmpty ? nil : warnings)
        }
    }

    /// The graph as DOT text, written by Graphviz itself (agwrite), unlaid out.
    public func dot(_ graph: GraphSnapshot, title: String? = nil) throws -> String {
        try GraphvizContext.shared.run { _ in
            let g = try build(graph, title: title, engine: "dot")
            defer { agclose(g) }
            var buffer: UnsafeMutablePointer<CChar>?
            var size = 0
            guard let stream = open_memstream(&buffer, &size) else { throw RenderError.graphviz("open_memstream failed") }
            let status = agwrite(g, UnsafeMutableRawPointer(stream))
            fclose(stream)
            defer { free(buffer) }
            guard status == 0, let buffer else { throw RenderError.graphviz("agwrite failed: \(GraphvizContext.shared.messages())") }
            return String(cString: buffer)
        }
    }

    // MARK: building the cgraph graph (caller holds the lock)

    private func build(_ graph: GraphSnapshot, title: String?, engine: String) throws -> UnsafeMutablePointer<Agraph_t> {
        guard let g = "kg".withCString({ agopen(UnsafeMutablePointer(mutating: $0), kg_agdirected(), nil) }) else {
            throw RenderError.graphviz("agopen failed")
        }
        set(g, "rankdir", "LR", default: "TB")
        set(g, "fontname", "Helvetica", default: "Times-Roman")
        set(g, "bgcolor", "white", default: "")
        set(g, "pad", "0.3", default: "0.0555")
        if engine != "dot" {
            set(g, "overlap", "prism", default: "true")
            set(g, "sep", "+8", default: "+4")
        }
        set(g, "outputorder", "edgesfirst", default: "breadthfirst")
        if let title {
            set(g, "label", Self.escapeLabel(title), default: "")
            set(g, "labelloc", "t", default: "b")
            set(g, "fontsize", "18", default: "14")
        }
        var nodes: [String: UnsafeMutablePointer<Agnode_t>] = [:]
        for e in graph.entities {
            guard let n = e.id.withCString({ agnode(g, UnsafeMutablePointer(mutating: $0), 1) }) else {
                agclose(g)
                throw RenderError.graphviz("agnode failed for \(e.id)")
            }
            nodes[e.id] = n
            let s = style.nodes[e.type] ?? DiagramStyle.standard.nodes[.organization]!
            set(n, "label", Self.escapeLabel(e.name), default: "\\N")
            set(n, "shape", s.shape, default: "ellipse")
            set(n, "style", "filled", default: "")
            set(n, "fillcolor", s.fill, default: "lightgrey")
            set(n, "color", s.border, default: "black")
            set(n, "fontname", "Helvetica", default: "Times-Roman")
            set(n, "fontsize", "11", default: "14")
            set(n, "tooltip", Self.escapeLabel("\(e.name) (\(e.type.rawValue))"), default: "")
        }
        for (i, r) in graph.relations.enumerated() {
            guard let h = nodes[r.head], let t = nodes[r.tail] else { continue }
            guard let edge = "r\(i)".withCString({ agedge(g, h, t, UnsafeMutablePointer(mutating: $0), 1) }) else {
                agclose(g)
                throw RenderError.graphviz("agedge failed for \(r.head) -> \(r.tail)")
            }
            let color = style.edgeColors[r.family] ?? "black"
            set(edge, "label", Self.escapeLabel(r.family.rawValue.replacingOccurrences(of: "_", with: " ")), default: "")
            set(edge, "color", color, default: "black")
            set(edge, "fontcolor", color, default: "black")
            set(edge, "fontname", "Helvetica", default: "Times-Roman")
            set(edge, "fontsize", "9", default: "14")
            set(edge, "penwidth", String(format: "%.1f", min(4.0, 0.8 + 0.6 * Double(r.evidence.count))), default: "1")
            if r.family.isSymmetric { set(edge, "dir", "none", default: "forward") }
            if let ev = r.evidence.first {
                set(edge, "tooltip", Self.escapeLabel("\(ev.documentID): \(ev.text)"), default: "")
            }
        }
        return g
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

    /// A plain Graphviz label showing `text` as written: backslashes doubled (`\n`, `\N`
    /// are escapes), `&` written as an entity (Graphviz decodes entities in plain labels),
    /// line breaks as `\n`.
    static func escapeLabel(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\n")
    }
}
