import Foundation

/// What a diagram or the viewer shows: the entities chosen, the relations between them merged
/// per pair and family, and each counted in articles.
///
/// Sources are articles: several sentences of one article are one source, so an edge's
/// `articles` is the number of distinct documents among its evidence, and `--min-sources`
/// filters on it. Relations of one family between one pair (either direction) merge into one
/// edge; `bothWays` tells when they ran in both directions.
public struct Diagram: Sendable {
    /// What to keep of a graph.
    public struct Options: Sendable {
        /// Keep only the `top` most connected entities (nil or 0: all). The focus is always kept.
        public var top: Int?
        /// Keep at most this many edges (nil or 0: all): the most attested (articles, then
        /// confidence, then sentences), reported speech ("says") last.
        public var maxEdges: Int?
        /// Keep only edges stated in at least this many distinct articles.
        public var minSources: Int
        /// Keep only these families (empty: all).
        public var families: Set<RelationFamily>
        /// Keep only entities of these types (empty: all).
        public var types: Set<EntityType>
        /// The id of the entity to centre on: only entities within `depth` edges of it are kept.
        public var focus: String?
        public var depth: Int
        /// Also keep entities that take part in no drawn edge.
        public var isolated: Bool

        public init(top: Int? = nil, maxEdges: Int? = nil, minSources: Int = 1, families: Set<RelationFamily> = [], types: Set<EntityType> = [],
                    focus: String? = nil, depth: Int = 1, isolated: Bool = false) {
            self.top = top
            self.maxEdges = maxEdges
            self.minSources = minSources
            self.families = families
            self.types = types
            self.focus = focus
            self.depth = depth
            self.isolated = isolated
        }
    }

    /// An entity as drawn.
    public struct Node: Sendable, Hashable {
        public var entity: Entity
        /// Distinct articles that mention it.
        public var articles: [String]
        /// Drawn edges that touch it.
        public var degree: Int
        public var isFocus: Bool
    }

    /// The relations of one family between one pair, merged.
    public struct Edge: Sendable, Hashable {
        public var head: String
        public var tail: String
        public var family: RelationFamily
        /// True when relations of this family ran both head -> tail and tail -> head.
        public var bothWays: Bool
        /// Every citing sentence, ordered by document and position.
        public var evidence: [Evidence]
        /// The best confidence of the merged relations.
        public var confidence: Double
        /// Distinct articles among the evidence: the edge's number of sources.
        public var articles: Int {
            Set(evidence.map(\.documentID)).count
        }
    }

    public var nodes: [Node]
    public var edges: [Edge]
    /// The documents the evidence and mentions cite, by id.
    public var documents: [String: Document]
    /// Mentions of the drawn entities, by document id (to mark the names in evidence sentences).
    public var mentions: [String: [Mention]]
    /// Counts of the whole graph before anything was left out.
    public var totalEntities: Int
    public var totalEdges: Int
    /// Whether `top` and `maxEdges` left anything out.
    public private(set) var cutByTop = false
    public private(set) var cutByBudget = false
    public let options: Options

    /// Chooses and merges what to draw.
    /// - Complexity: O(E log E + V log V) for E relations and V entities, plus O(V + E) per level of `depth`.
    public init(_ graph: GraphSnapshot, options: Options = Options(), linkBase: URL? = nil) {
        self.options = options
        self.linkBase = linkBase
        documents = Dictionary(graph.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let entities = Dictionary(graph.entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var articles: [String: Set<String>] = [:]
        for m in graph.mentions { articles[m.entityID, default: []].insert(m.documentID) }
        for r in graph.relations { for ev in r.evidence { articles[r.head, default: []].insert(ev.documentID); articles[r.tail, default: []].insert(ev.documentID) } }

        var merged = Self.merge(graph.relations)
        totalEntities = graph.entities.count
        totalEdges = merged.count

        // filters on edges and on entity types
        merged = merged.filter { e in
            (options.families.isEmpty || options.families.contains(e.family))
                && e.articles >= options.minSources
                && entities[e.head] != nil && entities[e.tail] != nil
        }
        var keep = Set(graph.entities.filter { options.types.isEmpty || options.types.contains($0.type) || $0.id == options.focus }.map(\.id))
        merged = merged.filter { keep.contains($0.head) && keep.contains($0.tail) }

        // the focus's neighbourhood: entities within `depth`, and the relations that lead away from
        // the focus (from an entity at distance d to one at d + 1), not those among equals
        if let focus = options.focus {
            var distance: [String: Int] = [focus: 0]
            var frontier: Set<String> = [focus]
            for d in 1...max(1, options.depth) {
                var next: Set<String> = []
                for e in merged where frontier.contains(e.head) || frontier.contains(e.tail) {
                    for id in [e.head, e.tail] where distance[id] == nil { next.insert(id) }
                }
                for id in next { distance[id] = d }
                frontier = next
            }
            keep = keep.intersection(distance.keys).union([focus])
            merged = merged.filter { e in
                guard keep.contains(e.head), keep.contains(e.tail), let a = distance[e.head], let b = distance[e.tail] else { return false }
                return abs(a - b) == 1
            }
        }

        // the most connected
        var degree: [String: Int] = [:]
        for e in merged { degree[e.head, default: 0] += 1; degree[e.tail, default: 0] += 1 }
        if let top = options.top, top > 0, keep.count > top {
            cutByTop = true
            let ranked = keep.sorted { a, b in
                if (a == options.focus) != (b == options.focus) { return a == options.focus }
                let (da, db) = (degree[a] ?? 0, degree[b] ?? 0)
                if da != db { return da > db }
                let (aa, ab) = (articles[a]?.count ?? 0, articles[b]?.count ?? 0)
                return aa != ab ? aa > ab : a < b
            }
            keep = Set(ranked.prefix(top))
            merged = merged.filter { keep.contains($0.head) && keep.contains($0.tail) }
            degree = [:]
            for e in merged { degree[e.head, default: 0] += 1; degree[e.tail, default: 0] += 1 }
        }
        if let budget = options.maxEdges, budget > 0, merged.count > budget {
            cutByBudget = true
            let ranked = merged.enumerated().sorted { x, y in
                let (a, b) = (x.element, y.element)
                if (a.family == .says) != (b.family == .says) { return b.family == .says }
                if a.articles != b.articles { return a.articles > b.articles }
                if a.confidence != b.confidence { return a.confidence > b.confidence }
                if a.evidence.count != b.evidence.count { return a.evidence.count > b.evidence.count }
                return x.offset < y.offset
            }
            let kept = Set(ranked.prefix(budget).map(\.offset))
            merged = merged.enumerated().filter { kept.contains($0.offset) }.map(\.element)
            degree = [:]
            for e in merged { degree[e.head, default: 0] += 1; degree[e.tail, default: 0] += 1 }
        }
        if !options.isolated {
            keep = keep.filter { degree[$0] != nil || $0 == options.focus }
        }
        edges = merged
        mentions = Dictionary(grouping: graph.mentions.filter { keep.contains($0.entityID) }, by: \.documentID)
        nodes = keep.compactMap { id in entities[id] }.sorted { $0.id < $1.id }.map { e in
            Node(entity: e, articles: (articles[e.id] ?? []).sorted(), degree: degree[e.id] ?? 0, isFocus: e.id == options.focus)
        }
    }

    /// Relations of one family between one pair merged into one edge (unordered pair).
    static func merge(_ relations: [Relation]) -> [Edge] {
        struct Key: Hashable { var a: String, b: String, family: RelationFamily }
        var order: [Key] = []
        var byKey: [Key: Edge] = [:]
        for r in relations {
            let key = Key(a: min(r.head, r.tail), b: max(r.head, r.tail), family: r.family)
            if var e = byKey[key] {
                if e.head != r.head && !r.family.isSymmetric { e.bothWays = true }
                e.evidence += r.evidence
                e.confidence = max(e.confidence, r.confidence)
                byKey[key] = e
            } else {
                order.append(key)
                byKey[key] = Edge(head: r.head, tail: r.tail, family: r.family, bothWays: false, evidence: r.evidence, confidence: r.confidence)
            }
        }
        return order.map { k in
            var e = byKey[k]!
            var seen = Set<String>()
            e.evidence = e.evidence.sorted { ($0.documentID, $0.start) < ($1.documentID, $1.start) }
                .filter { seen.insert("\($0.documentID)@\($0.start)").inserted }
            return e
        }
    }

    /// The folder the drawing will be written to: when set, links to local files are relative
    /// to it (so the page and the articles can move together); else they are absolute `file:` URLs.
    public var linkBase: URL?

    /// Where a document can be opened: its source URL when it is a web address, else its local file.
    public func link(_ documentID: String) -> String? {
        guard let d = documents[documentID] else { return nil }
        if let u = d.sourceURL, u.hasPrefix("https://") || u.hasPrefix("http://") { return u }
        let file = URL(fileURLWithPath: d.path).standardizedFileURL
        guard let base = linkBase?.standardizedFileURL else { return file.absoluteString }
        let from = base.pathComponents, to = file.pathComponents
        let common = zip(from, to).prefix { $0 == $1 }.count
        let parts = Array(repeating: "..", count: from.count - common) + to[common...]
        return parts.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? $0 }.joined(separator: "/")
    }

    /// How a document is cited: "title (outlet, date)", what of it is known, else its id.
    public func citation(_ documentID: String) -> String {
        guard let d = documents[documentID] else { return documentID }
        let source = [d.outlet, d.date].compactMap { $0 }.joined(separator: ", ")
        switch (d.title, source.isEmpty) {
        case (let t?, false): return "\(t) (\(source))"
        case (let t?, true): return "\(t) (\(d.id))"
        case (nil, false): return "\(d.id) (\(source))"
        case (nil, true): return d.id
        }
    }

    /// The entity of a node id, when drawn.
    public func entity(_ id: String) -> Entity? {
        nodes.first { $0.entity.id == id }?.entity
    }

    /// A title that counts what is drawn, and what was left out and why.
    public var title: String {
        let articles = Set(edges.flatMap { $0.evidence.map(\.documentID) }).count
        var t = "\(nodes.count) entities, \(edges.count) relations from \(articles) article\(articles == 1 ? "" : "s")"
        if let focus = options.focus, let name = entity(focus)?.name {
            t = "\(name), within \(options.depth): " + t
        }
        var why: [String] = []
        if cutByTop, let top = options.top { why.append("top \(top) by connections") }
        if cutByBudget, let budget = options.maxEdges { why.append("the \(budget) best attested relations") }
        if options.minSources > 1 { why.append("at least \(options.minSources) articles per relation") }
        if !options.families.isEmpty { why.append(options.families.sorted().map(\.label).joined(separator: ", ")) }
        if !options.types.isEmpty { why.append(options.types.sorted().map(\.rawValue).joined(separator: ", ")) }
        if nodes.count < totalEntities || edges.count < totalEdges {
            t += " (of \(totalEntities) entities, \(totalEdges) relations" + (why.isEmpty ? ")" : "; \(why.joined(separator: "; ")))")
        }
        return "kg: " + t
    }
}

extension RelationFamily {
    /// The family as shown in diagrams: "member of".
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}
