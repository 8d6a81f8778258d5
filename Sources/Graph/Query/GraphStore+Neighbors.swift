import GRDB

extension GraphStore {
    /// Entities connected to `entity` within `depth` relations, breadth first.
    ///
    /// - Parameters:
    ///   - families: keep only these relation families (all when empty).
    ///   - direction: `out` follows relations where the entity is the head, `in` where it is the tail.
    ///   - type: keep only neighbors of this type (the walk still passes through others).
    /// - Complexity: one indexed query per level; O(edges within `depth`).
    public func neighbors(of entity: Entity, depth: Int = 1, families: Set<RelationFamily> = [],
                          direction: Direction = .both, type: EntityType? = nil) throws -> [Neighbor] {
        try db.read { db in
            var seen: Set<String> = [entity.id]
            var frontier = [entity.id]
            var out: [Neighbor] = []
            for level in 1...max(1, depth) {
                guard !frontier.isEmpty else { break }
                let marks = Array(repeating: "?", count: frontier.count).joined(separator: ",")
                var clause: String
                var args: [DatabaseValueConvertible] = []
                switch direction {
                case .out: clause = "r.head IN (\(marks))"; args += frontier
                case .in: clause = "r.tail IN (\(marks))"; args += frontier
                case .both: clause = "(r.head IN (\(marks)) OR r.tail IN (\(marks)))"; args += frontier + frontier
                }
                if !families.isEmpty {
                    clause += " AND r.family IN (\(Array(repeating: "?", count: families.count).joined(separator: ",")))"
                    args += families.map(\.rawValue).sorted()
                }
                let rels = try Self.relations(db, where: clause + dateRangeClause(document: "e.document_id"), arguments: StatementArguments(args))
                let known = try Self.entities(db, ids: rels.flatMap { [$0.head, $0.tail] })
                let inFrontier = Set(frontier)
                var next: [String] = []
                for r in rels {
                    for (from, to, dir) in [(r.head, r.tail, Direction.out), (r.tail, r.head, Direction.in)]
                    where inFrontier.contains(from) && (direction == .both || direction == dir) {
                        guard to != entity.id, let e = known[to] else { continue }
                        if level > 1 && seen.contains(to) && !next.contains(to) { continue }
                        if type == nil || e.type == type {
                            let fromName = known[from]?.name ?? from
                            out.append(Neighbor(entity: e, from: from, fromName: fromName, depth: level, family: r.family, direction: dir,
                                                confidence: r.confidence, evidence: r.evidence))
                        }
                        if !seen.contains(to) { seen.insert(to); next.append(to) }
                    }
                }
                frontier = next
            }
            return out.sorted { ($0.depth, -$0.evidence.count, $0.entity.name, $0.family) < ($1.depth, -$1.evidence.count, $1.entity.name, $1.family) }
        }
    }

    /// The shortest chain of relations from one entity to another (either direction), one
    /// hop per relation, each with its evidence; nil when none within `maxDepth`.
    /// - Complexity: one indexed query per level of a breadth-first search.
    public func path(from: Entity, to: Entity, maxDepth: Int = 4) throws -> [PathHop]? {
        if from.id == to.id { return [] }
        return try db.read { db in
            var parent: [String: (String, Relation)] = [:]
            var seen: Set<String> = [from.id]
            var frontier = [from.id]
            for _ in 0..<maxDepth {
                guard !frontier.isEmpty else { break }
                let marks = Array(repeating: "?", count: frontier.count).joined(separator: ",")
                let rels = try Self.relations(db, where: "(r.head IN (\(marks)) OR r.tail IN (\(marks)))" + dateRangeClause(document: "e.document_id"),
                                              arguments: StatementArguments(frontier + frontier))
                    .sorted { ($0.evidence.count, $0.confidence) > ($1.evidence.count, $1.confidence) }
                let inFrontier = Set(frontier)
                var next: [String] = []
                for r in rels {
                    for (a, b) in [(r.head, r.tail), (r.tail, r.head)] where inFrontier.contains(a) && !seen.contains(b) {
                        seen.insert(b)
                        parent[b] = (a, r)
                        next.append(b)
                    }
                }
                if parent[to.id] != nil { break }
                frontier = next.sorted()
            }
            guard parent[to.id] != nil else { return nil }
            var hops: [PathHop] = []
            var cur = to.id
            while cur != from.id, let (prev, r) = parent[cur] {
                let names = (try Self.entity(db, id: prev)?.name ?? prev, try Self.entity(db, id: cur)?.name ?? cur)
                hops.append(PathHop(from: prev, to: cur, fromName: names.0, toName: names.1, family: r.family,
                                    direction: r.head == prev ? .out : .in, evidence: r.evidence))
                cur = prev
            }
            return hops.reversed()
        }
    }
}
