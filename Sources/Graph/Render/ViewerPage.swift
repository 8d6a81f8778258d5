import Foundation

/// The self-contained HTML viewer of a diagram: one file with the SVG inline, the data as JSON
/// in a `<script type="application/json">`, and the page's own script and style (from
/// `Resources/viewer.js` and `viewer.css`): no network, no external scripts.
///
/// The page offers a search box (an entity and its neighbours highlighted), filters by type,
/// family and minimum number of articles, and a side panel that a click on a node or an edge
/// fills with the evidence sentences (the two names marked) and each article's title, outlet,
/// date and link. Opened with `#selftest`, the page clicks an edge itself and writes what it
/// found into `<pre id="kg-selftest">` (the browser test reads it).
public enum ViewerPage {
    /// The data the page's script reads.
    struct Payload: Encodable {
        struct Node: Encodable {
            var id: String, entity: String, name: String, type: String, aliases: [String], articles: [Int], focus: Bool
        }
        struct Sentence: Encodable {
            var document: Int
            var text: String
            var start: Int, end: Int
            /// `[from, to, which]` in UTF-16 units of `text`; `which` 0 marks the head, 1 the tail.
            var marks: [[Int]]
        }
        struct Edge: Encodable {
            var id: String, head: String, tail: String, family: String, bothWays: Bool, articles: Int
            var confidence: Double
            var evidence: [Sentence]
        }
        struct Source: Encodable {
            var id: String, title: String?, outlet: String?, date: String?, link: String?
        }
        var title: String
        var nodes: [Node]
        var edges: [Edge]
        var documents: [Source]
        var types: [String]
        var families: [String]
        var colors: [String: String]
    }

    /// The page for `diagram`, whose rendered SVG (from `GraphvizRenderer`) is `svg`.
    /// - Throws: `RenderError.viewerResourceMissing` when the page's script or style is not installed.
    /// - Complexity: O(size of the diagram and its evidence).
    public static func html(_ diagram: Diagram, svg: Data, style: DiagramStyle = .standard) throws -> String {
        let script = try resource("viewer", "js"), css = try resource("viewer", "css")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = scriptSafe(String(decoding: try encoder.encode(payload(diagram, style: style)), as: UTF8.self))
        let title = GraphvizRenderer.escapeHTML(diagram.title)
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
            <title>\(title)</title>
            <style>
            \(css)
            </style>
            </head>
            <body>
            <header>
            <h1>\(title)</h1>
            <div id="controls">
            <input id="search" type="search" placeholder="Search an entity…" autocomplete="off" list="names" aria-label="Search an entity">
            <datalist id="names"></datalist>
            <label>min. articles <input id="min-sources" type="number" min="1" value="1"></label>
            <span id="zoom"><button id="zoom-out" title="Zoom out">−</button><button id="zoom-fit" title="Fit the window">fit</button><button id="zoom-in" title="Zoom in">+</button></span>
            <details id="filters"><summary>Filters</summary><div id="type-filters"></div><div id="family-filters"></div></details>
            </div>
            </header>
            <main>
            <div id="graph">
            \(inlineSVG(svg))
            </div>
            <aside id="panel"><p class="hint">Click a node or an edge to see its evidence: the sentences that state it, and their articles.</p></aside>
            </main>
            <script type="application/json" id="kg-data">\(json)</script>
            <script>
            \(script)
            </script>
            </body>
            </html>

            """
    }

    static func payload(_ d: Diagram, style: DiagramStyle) -> Payload {
        let docIDs = Set(d.edges.flatMap { $0.evidence.map(\.documentID) }).union(d.nodes.flatMap(\.articles)).sorted()
        let docIndex = Dictionary(uniqueKeysWithValues: docIDs.enumerated().map { ($1, $0) })
        let nodeIndex = Dictionary(uniqueKeysWithValues: d.nodes.enumerated().map { ($1.entity.id, "n\($0)") })
        let nodes = d.nodes.enumerated().map { i, n in
            Payload.Node(id: "n\(i)", entity: n.entity.id, name: clean(n.entity.name), type: n.entity.type.rawValue,
                         aliases: n.entity.aliases.map(clean), articles: n.articles.compactMap { docIndex[$0] }, focus: n.isFocus)
        }
        let edges = d.edges.enumerated().map { i, e in
            Payload.Edge(id: "e\(i)", head: nodeIndex[e.head] ?? "", tail: nodeIndex[e.tail] ?? "", family: e.family.label, bothWays: e.bothWays,
                         articles: e.articles, confidence: e.confidence,
                         evidence: e.evidence.map { ev in
                             let text = clean(ev.text)
                             return Payload.Sentence(document: docIndex[ev.documentID] ?? 0, text: text, start: ev.start, end: ev.end,
                                                     marks: marks(in: text, evidence: ev, head: d.entity(e.head), tail: d.entity(e.tail),
                                                                  mentions: d.mentions[ev.documentID] ?? []))
                         })
        }
        let documents = docIDs.map { id in
            let doc = d.documents[id]
            return Payload.Source(id: clean(id), title: doc?.title.map(clean), outlet: doc?.outlet.map(clean), date: doc?.date.map(clean),
                                  link: d.link(id))
        }
        var colors: [String: String] = [:]
        for (f, c) in style.edgeColors { colors[f.label] = c }
        for (t, s) in style.nodes { colors[t.rawValue] = s.fill }
        return Payload(title: clean(d.title), nodes: nodes, edges: edges, documents: documents,
                       types: Set(d.nodes.map(\.entity.type)).sorted().map(\.rawValue),
                       families: Set(d.edges.map(\.family)).sorted().map(\.label), colors: colors)
    }

    /// Where the head's and the tail's names stand in an evidence sentence, as UTF-16 ranges of
    /// `text`: from the entities' mentions inside the sentence's span when the store has them
    /// (so "Seoul" for South Korea is marked), else from their names, aliases and (persons) surnames.
    static func marks(in text: String, evidence ev: Evidence, head: Entity?, tail: Entity?, mentions: [Mention]) -> [[Int]] {
        var out: [[Int]] = []
        let scalars = Array(text.unicodeScalars)
        let aligned = scalars.count == ev.end - ev.start
        for (which, entity) in [head, tail].enumerated() {
            guard let entity else { continue }
            var found = false
            if aligned {
                for m in mentions where m.entityID == entity.id && m.start >= ev.start && m.end <= ev.end {
                    out.append([utf16(scalars, m.start - ev.start), utf16(scalars, m.end - ev.start), which])
                    found = true
                }
            }
            if !found {
                let characters = Array(text)
                for r in Snippet.occurrences(of: entity, in: text) {
                    let a = String(characters[..<r.lowerBound]).utf16.count, b = a + String(characters[r]).utf16.count
                    if !out.contains(where: { $0[0] < b && a < $0[1] }) { out.append([a, b, which]) }
                }
            }
        }
        return out.sorted { $0[0] < $1[0] }
    }

    private static func utf16(_ scalars: [Unicode.Scalar], _ offset: Int) -> Int {
        scalars.prefix(max(0, min(offset, scalars.count))).reduce(0) { $0 + $1.utf16.count }
    }

    private static func clean(_ s: String) -> String { GraphvizRenderer.clean(s) }

    /// JSON that cannot end its `<script>` element or open a comment in it: every `<` written
    /// as `\u003c` (and the JavaScript line terminators U+2028/U+2029 escaped).
    static func scriptSafe(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }

    /// The SVG element alone, without the XML declaration, doctype and comments before it.
    static func inlineSVG(_ svg: Data) -> String {
        let text = String(decoding: svg, as: UTF8.self)
        guard let start = text.range(of: "<svg") else { return text }
        return String(text[start.lowerBound...])
    }

    private static func resource(_ name: String, _ ext: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext), let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw RenderError.viewerResourceMissing("\(name).\(ext)")
        }
        return text
    }
}
