import GRDB

extension GraphStore {
    /// How much evidence a query loads with each relation it returns.
    public enum EvidenceDetail: Sendable {
        /// None: the relation's confidence and number of sources only.
        case none
        /// The first citing sentence (by document, then position).
        case first
        /// Every citing sentence.
        case all
    }

    /// Entities connected to `entity` within `depth` relations, breadth first.
    ///
    /// The walk reads relation rows only (ids, family, confidence, number of sources, the
    /// neighbor's name and type, from the indexes); evidence and aliases are loaded afterwards
    /// for the neighbors returned, never for everything touched.
    ///
    /// - Parameters:
    ///   - families: keep only these relation families (all when empty).
    ///   - direction: `out` follows relations where the entity is the head, `in` where it is the tail.
    ///   - type: keep only neighbors of this type (the walk still passes through others).
    ///   - evidence: how much evidence to load per neighbor.
    ///   - limit: at most this many neighbors (nearest first, then most sources); nil for all.
    /// - Complexity: one indexed query per level (per direction), O(relations within `depth`)
    ///   rows without text; with a `limit` (and no `type`), each level is cut by SQLite to the
    ///   rows that can still be shown, and levels past the one that fills the limit are not
    ///   read. Plus one indexed lookup per returned neighbor for its evidence.
    public func neighbors(of entity: Entity, depth: Int = 1, families: Set<RelationFamily> = [],
                          direction: Direction = .both, type: EntityType? = nil,
                          evidence: EvidenceDetail = .all, limit: Int? = nil) throws -> [Neighbor] {
        try db.read { db in
            var seen: Set<String> = [entity.id]
            var frontier = [entity.id]
            var found: [(Edge, depth: Int)] = []
            for level in 1...max(1, depth) {
                guard !frontier.isEmpty else { break }
                let need = limit.map { $0 - found.count }
                if let need, need <= 0 { break } // nearer levels fill the limit: farther ones are never read
                let edges = try Self.levelEdges(db, from: frontier, seen: seen, need: type == nil ? need : nil,
                                                direction: direction, families: families, range: range)
                var next: [String] = []
                var reached: Set<String> = []
                for e in edges where e.to != entity.id {
                    if level > 1 && seen.contains(e.to) && !reached.contains(e.to) { continue }
                    if type == nil || e.toType == type?.rawValue { found.append((e, level)) }
                    reached.insert(e.to)
                    if seen.insert(e.to).inserted { next.append(e.to) }
                }
                frontier = next
            }
            found.sort { ($0.depth, -$0.0.sources, $0.0.toName, $0.0.family) < ($1.depth, -$1.0.sources, $1.0.toName, $1.0.family) }
            if let limit, found.count > limit { found.removeLast(found.count - limit) }
            let shown = try Self.entities(db, ids: found.map(\.0.to))
            let fromNames = try Self.names(db, ids: Set(found.map(\.0.from)))
            return try found.map { e, level in
                Neighbor(entity: shown[e.to] ?? Entity(id: e.to, name: e.toName, type: EntityType(rawValue: e.toType) ?? .organization),
                         from: e.from, fromName: fromNames[e.from] ?? e.from, depth: level,
                         family: RelationFamily(rawValue: e.family) ?? .says, direction: e.direction,
                         confidence: e.confidence, sources: e.sources, evidence: try Self.evidence(db, relation: e.id, evidence, range: range))
            }
        }
    }

    /// One level of the breadth-first walk: the relations of the `frontier`. With `need`, only
    /// enough of them: SQLite orders each direction by sources (then name, family) and cuts it,
    /// so a hub's other rows are never returned. Edges back to `seen` entities do not count
    /// towards `need`; a cut that left too few of the others is read again, four times larger.
    /// - Complexity: one or a few indexed queries; O(need + edges back to `seen`) rows returned
    ///   with `need`, O(relations of the frontier) without.
    static func levelEdges(_ db: Database, from frontier: [String], seen: Set<String>, need: Int?,
                           direction: Direction, families: Set<RelationFamily>, range: DateRange?) throws -> [Edge] {
        guard let need else { return try edges(db, from: frontier, direction: direction, families: families, range: range) }
        var top = need + min(seen.count, 10_000) + 16
        while true {
            let rows = try edges(db, from: frontier, direction: direction, families: families, range: range, top: top)
            // per direction: either it was not cut (fewer rows than `top`), or it has `need` edges to new entities
            let enough = [Direction.out, .in].allSatisfy { dir in
                let mine = rows.filter { $0.direction == dir }
                return mine.count < top || mine.lazy.filter { !seen.contains($0.to) }.count >= need
            }
            if enough { return rows }
            top *= 4
        }
    }

    /// A relation seen from one of its ends: `from` is in the frontier, `to` the other end.
    struct Edge {
        var id: Int64
        var from: String
        var to: String
        var toName: String
        var toType: String
        var family: String
        var direction: Direction
        var confidence: Double
        var sources: Int
    }

    /// The relations whose head (out) or tail (in) is in `ids`, without evidence, with the other end's
    /// name and type. One statement per direction, each answered from an index (`relation`'s
    /// unique (head, tail, family) index for heads, `relation_tail` for tails). Within a date `range`, only
    /// relations with evidence from its articles, and their number of such articles as `sources`.
    /// With `top`, only the `top` edges of most sources (then name, family) per direction, ordered and cut by SQLite.
    static func edges(_ db: Database, from ids: [String], direction: Direction, families: Set<RelationFamily>,
                      range: DateRange? = nil, top: Int? = nil) throws -> [Edge] {
        let list = ids.count == 1 ? "(?)" : "(SELECT value FROM json_each(?))"
        let idArgument: DatabaseValueConvertible = ids.count == 1 ? ids[0] : jsonArray(ids)
        var familyClause = ""
        var familyArgs: [DatabaseValueConvertible] = []
        if !families.isEmpty {
            familyClause = " AND r.family IN (SELECT value FROM json_each(?))"
            familyArgs = [jsonArray(families.map(\.rawValue).sorted())]
        }
        let sources = range.map { "(SELECT COUNT(DISTINCT v.document_id) FROM evidence v WHERE v.relation_id = r.id AND \($0.condition(document: "v.document_id")))" } ?? "r.sources"
        let inRange = range == nil ? "" : " AND \(sources) > 0"
        var out: [Edge] = []
        for dir in [Direction.out, .in] where direction == .both || direction == dir {
            let (near, far) = dir == .out ? ("head", "tail") : ("tail", "head")
            let sql = """
                SELECT r.id, r.\(near), r.\(far), e.name, e.type, r.family, r.confidence, \(sources)
                FROM relation r JOIN entity e ON e.id = r.\(far)
                WHERE r.\(near) IN \(list)\(familyClause)\(inRange)
                """ + (top.map { " ORDER BY 8 DESC, e.name, r.family LIMIT \($0)" } ?? "")
            let rows = try Row.fetchCursor(try db.cachedStatement(sql: sql), arguments: StatementArguments([idArgument] + familyArgs))
            while let r = try rows.next() {
                out.append(Edge(id: r[0], from: r[1], to: r[2], toName: r[3], toType: r[4], family: r[5], direction: dir,
                                confidence: r[6], sources: r[7]))
            }
        }
        // deterministic: most sources first, then by id
        return out.sorted { ($0.sources, $1.id) > ($1.sources, $0.id) }
    }

    static func jsonArray(_ ids: [String]) -> String {
        var s = "["
        for (i, id) in ids.enumerated() {
            if i > 0 { s += "," }
            s += "\""
            for u in id.unicodeScalars {
                switch u {
                case "\"": s += "\\\""
                case "\\": s += "\\\\"
                case _ where u.value < 0x20: s += String(format: "\\u%04x", u.value)
                default: s.unicodeScalars.append(u)
                }
            }
            s += "\""
        }
        return s + "]"
    }

    /// Names of entities by id.
    static func names(_ db: Database, ids: Set<String>) throws -> [String: String] {
        var out: [String: String] = [:]
        let stmt = try db.cachedStatement(sql: "SELECT name FROM entity WHERE id = ?")
        for id in ids { out[id] = try String.fetchOne(stmt, arguments: [id]) }
        return out
    }

    /// A relation's evidence, by document then position, as much as asked.
    static func evidence(_ db: Database, relation id: Int64, _ detail: EvidenceDetail, range: DateRange? = nil) throws -> [Evidence] {
        if detail == .none { return [] }
        let sql = #"SELECT document_id, text, start, "end", confidence FROM evidence WHERE relation_id = ?"#
            + (range.map { " AND " + $0.condition(document: "document_id") } ?? "") + " ORDER BY document_id, start"
            + (detail == .first ? " LIMIT 1" : "")
        return try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: [id]).map {
            Evidence(documentID: $0[0], text: $0[1], start: $0[2], end: $0[3], confidence: $0[4])
        }
    }

    /// The shortest chain of relations from one entity to another (either direction), one
    /// hop per relation, each with its evidence; nil when none within `maxDepth`.
    ///
    /// A bidirectional breadth-first search over relation rows without text (the smaller
    /// frontier is expanded each step); evidence is loaded for the hops found only.
    /// - Complexity: one indexed query per step; rows read are bounded by the two searches'
    ///   frontiers, which meet halfway.
    public func path(from: Entity, to: Entity, maxDepth: Int = 4, evidence: EvidenceDetail = .all) throws -> [PathHop]? {
        if from.id == to.id { return [] }
        return try db.read { db in
            // parent links: for a node reached from side A, the node before it (towards `from`)
            var parentA: [String: (String, Edge)] = [:], parentB: [String: (String, Edge)] = [:]
            var seenA: Set<String> = [from.id], seenB: Set<String> = [to.id]
            var frontierA = [from.id], frontierB = [to.id]
            var meeting: String?
            for _ in 0..<maxDepth {
                guard !frontierA.isEmpty, !frontierB.isEmpty else { break }
                let expandA = frontierA.count <= frontierB.count
                let frontier = expandA ? frontierA : frontierB
                var next: [String] = []
                for e in try Self.edges(db, from: frontier, direction: .both, families: [], range: range) {
                    if expandA {
                        guard !seenA.contains(e.to) else { continue }
                        seenA.insert(e.to); parentA[e.to] = (e.from, e); next.append(e.to)
                        if seenB.contains(e.to) { meeting = e.to; break }
                    } else {
                        guard !seenB.contains(e.to) else { continue }
                        seenB.insert(e.to); parentB[e.to] = (e.from, e); next.append(e.to)
                        if seenA.contains(e.to) { meeting = e.to; break }
                    }
                }
                if meeting != nil { break }
                if expandA { frontierA = next.sorted() } else { frontierB = next.sorted() }
            }
            guard let meet = meeting else { return nil }
            // (from, to, edge) steps: from `from` to the meeting node, then on to `to`
            var steps: [(String, String, Edge)] = []
            var cur = meet
            while cur != from.id, let (prev, e) = parentA[cur] { steps.insert((prev, cur, e), at: 0); cur = prev }
            cur = meet
            while cur != to.id, let (next, e) = parentB[cur] { steps.append((cur, next, e)); cur = next }
            let names = try Self.names(db, ids: Set(steps.flatMap { [$0.0, $0.1] }))
            return try steps.map { a, b, e in
                // the edge was read from one of its ends; its head is `from` when it was read outwards
                let head = e.direction == .out ? e.from : e.to
                return PathHop(from: a, to: b, fromName: names[a] ?? a, toName: names[b] ?? b,
                               family: RelationFamily(rawValue: e.family) ?? .says, direction: head == a ? .out : .in,
                               evidence: try Self.evidence(db, relation: e.id, evidence, range: range))
            }
        }
    }
}
