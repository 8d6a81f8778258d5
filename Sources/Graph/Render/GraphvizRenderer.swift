import CGraphviz
import Foundation

/// Draws a graph through Graphviz's C libraries, in process: libcgraph builds
/// the graph, libgvc lays it out (in a forked child, under a time limit) and renders it.
public struct GraphvizRenderer: Sendable {
    /// Layout engines kg offers (each must also be installed).
    public static let layouts = ["dot", "neato", "fdp", "sfdp", "circo", "twopi"]
    /// Output formats kg offers (each must also be installed).
    public static let formats = ["svg", "png", "pdf"]
    /// The most nodes each engine lays out before kg gives the graph to `fallbackLayout`:
    /// `dot` with edge labels, `circo` and `twopi` are super-linear (a 513-node `circo` runs
    /// for many minutes), `neato` and `fdp` quadratic; `sfdp` (multilevel) copes with any size.
    public static let nodeLimits: [String: Int] = ["dot": 300, "circo": 80, "twopi": 200, "neato": 400, "fdp": 400]
    public static let fallbackLayout = "sfdp"
    /// Above this many nodes `dot` (super-linear with edge labels) gives way to `sfdp`.
    public static var dotNodeLimit: Int { nodeLimits["dot"]! }
    /// Seconds a layout may run before it is stopped with `RenderError.layoutTimedOut`.
    public static let defaultTimeLimit: Double = 120

    public var style: DiagramStyle
    public var timeLimit: Double

    public init(style: DiagramStyle = .standard, timeLimit: Double = GraphvizRenderer.defaultTimeLimit) {
        self.style = style
        self.timeLimit = timeLimit
    }

    /// A rendered diagram, with the engine actually used and why it differs from the one asked for.
    public struct Output: Sendable {
        public var data: Data
        public var layout: String
        public var note: String?
        /// What Graphviz reported while succeeding (a zero status can still come with warnings).
        public var warnings: String?
    }

    /// The engine that lays out `nodes` nodes when `layout` is asked for, and why it differs.
    public static func engine(for layout: String, nodes: Int, available: [String] = layouts) -> (engine: String, note: String?) {
        guard let limit = nodeLimits[layout], nodes > limit, available.contains(fallbackLayout) else { return (layout, nil) }
        return (fallbackLayout, "\(nodes) nodes: laid out with \(fallbackLayout) instead of \(layout) (\(layout) is slow above \(limit) nodes)")
    }

    /// Lays out and renders a diagram, with its legend, tooltips and links.
    /// - Throws: `RenderError` naming the valid layouts or formats, carrying Graphviz's messages,
    ///   or telling that the layout ran past `timeLimit`.
    /// - Complexity: that of the Graphviz engine, bounded by `nodeLimits`.
    public func render(_ diagram: Diagram, format: String = "svg", layout: String = "dot") throws -> Output {
        guard !diagram.nodes.isEmpty else { throw RenderError.emptyGraph }
        let ctx = GraphvizContext.shared
        return try ctx.run { gvc in
            let validLayouts = Self.layouts.filter(ctx.plugins("layout").contains)
            guard validLayouts.contains(layout) else { throw RenderError.unknownLayout(layout, valid: validLayouts) }
            let validFormats = Self.formats.filter(ctx.plugins("device").contains)
            guard validFormats.contains(format) else { throw RenderError.unknownFormat(format, valid: validFormats) }
            let (engine, note) = Self.engine(for: layout, nodes: diagram.nodes.count, available: validLayouts)
            let g = try build(diagram, title: diagram.title, engine: engine, legend: true)
            defer { agclose(g) }
            var (data, warnings) = try ctx.layoutAndRender(g, engine: engine, format: format, nodes: diagram.nodes.count, timeLimit: timeLimit)
            if format == "svg" { data = Self.scalable(data) }
            warnings = warnings.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: "; ")
            return Output(data: data, layout: engine, note: note, warnings: warnings.isEmpty ? nil : warnings)
        }
    }

    /// Lays out and renders every entity and relation of `graph` (parallel relations merged).
    public func render(_ graph: GraphSnapshot, format: String = "svg", layout: String = "dot") throws -> Output {
        try render(Diagram(graph, options: .init(isolated: true)), format: format, layout: layout)
    }

    /// The diagram as DOT text, written by Graphviz itself (agwrite), unlaid out, without the legend.
    public func dot(_ diagram: Diagram, title: String? = nil) throws -> String {
        try GraphvizContext.shared.run { _ in
            let g = try build(diagram, title: title ?? diagram.title, engine: "dot", legend: false)
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

    /// The whole graph as DOT text (every entity, parallel relations merged).
    public func dot(_ graph: GraphSnapshot, title: String? = nil) throws -> String {
        try dot(Diagram(graph, options: .init(isolated: true)), title: title)
    }

    /// An SVG that scales to its window: Graphviz's fixed `width`/`height` in points replaced
    /// by `width="100%"` (the `viewBox` keeps the proportions).
    static func scalable(_ svg: Data) -> Data {
        var text = String(decoding: svg, as: UTF8.self)
        guard let open = text.range(of: "<svg "), let close = text.range(of: ">", range: open.upperBound..<text.endIndex) else { return svg }
        var tag = String(text[open.lowerBound..<close.upperBound])
        tag = tag.replacingOccurrences(of: #"width="[^"]*""#, with: #"width="100%""#, options: .regularExpression)
        tag = tag.replacingOccurrences(of: #"\s*height="[^"]*""#, with: "", options: .regularExpression)
        text.replaceSubrange(open.lowerBound..<close.upperBound, with: tag)
        return Data(text.utf8)
    }
}
