import GRDB

extension GraphStore {
    /// The entity card: aliases, mentions per article, every relation with all evidence.
    /// - Complexity: indexed lookups: the entity's mentions, its relations, and each relation's evidence.
    public func card(for entity: Entity) throws -> EntityCard {
        try db.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT document_id, text FROM mention WHERE entity_id = ?\(dateRangeClause(document: "document_id")) ORDER BY document_id, start",
                                        arguments: [entity.id])
            var perDoc: [(String, [String])] = []
            for r in rows {
                let d: String = r["document_id"]
                if perDoc.last?.0 == d { perDoc[perDoc.count - 1].1.append(r["text"]) } else { perDoc.append((d, [r["text"]])) }
            }
            // relations from the indexes (head, then tail), then each one's evidence by its own index
            var byID: [Int64: Edge] = [:]
            for e in try Self.edges(db, from: [entity.id], direction: .both, families: [], range: range) { byID[e.id] = e }
            // all their evidence in one indexed statement per direction
            var evidence: [Int64: [Evidence]] = [:]
            for near in ["head", "tail"] {
                let rows = try Row.fetchCursor(db.cachedStatement(sql: #"""
                    SELECT v.relation_id, v.document_id, v.text, v.start, v."end", v.confidence
                    FROM relation r JOIN evidence v ON v.relation_id = r.id WHERE r.\#(near) = ?\#(near == "tail" ? " AND r.head <> r.tail" : "")
                    """# + dateRangeClause(document: "v.document_id")), arguments: [entity.id])
                while let r = try rows.next() {
                    evidence[r[0], default: []].append(Evidence(documentID: r[1], text: r[2], start: r[3], end: r[4], confidence: r[5]))
                }
            }
            var names: [String: String] = [entity.id: entity.name]
            var rels: [Relation] = []
            for e in byID.values {
                names[e.to] = e.toName
                let (head, tail) = e.direction == .out ? (e.from, e.to) : (e.to, e.from)
                let ev = (evidence[e.id] ?? []).sorted { ($0.documentID, $0.start) < ($1.documentID, $1.start) }
                rels.append(Relation(head: head, tail: tail, family: RelationFamily(rawValue: e.family) ?? .says,
                                     confidence: e.confidence, evidence: ev))
            }
            rels.sort { ($0.head, $0.tail, $0.family.rawValue) < ($1.head, $1.tail, $1.family.rawValue) }
            return EntityCard(entity: entity,
                              mentions: perDoc.map { .init(document: $0.0, count: $0.1.count, texts: Array(Set($0.1)).sorted()) },
                              relations: rels, names: names)
        }
    }

    /// Every entity with its mention count, degree and number of documents.
    /// - Complexity: one aggregate query over the indexes.
    public func entities(type: EntityType? = nil, sort: EntitySort = .name) throws -> [EntitySummary] {
        try db.read { db in
            let inRange = { (column: String) in self.dateRangeClause(document: column) }
            let relationInRange = range == nil ? "" : " AND EXISTS (SELECT 1 FROM evidence v WHERE v.relation_id = r.id\(inRange("v.document_id")))"
            let order: String
            switch sort {
            case .name: order = "e.name COLLATE NOCASE"
            case .degree: order = "degree DESC, e.name COLLATE NOCASE"
            case .mentions: order = "mentions DESC, e.name COLLATE NOCASE"
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT e.id, e.name, e.type,
                  (SELECT COUNT(*) FROM mention m WHERE m.entity_id = e.id\(inRange("m.document_id"))) AS mentions,
                  (SELECT COUNT(*) FROM relation r WHERE (r.head = e.id OR r.tail = e.id)\(relationInRange)) AS degree,
                  (SELECT COUNT(DISTINCT document_id) FROM mention m WHERE m.entity_id = e.id\(inRange("m.document_id"))) AS documents
                FROM entity e WHERE (? IS NULL OR e.type = ?)\(range == nil ? "" : " AND (mentions > 0 OR degree > 0)") ORDER BY \(order)
                """, arguments: [type?.rawValue, type?.rawValue])
            let aliases = try Self.aliasesByEntity(db, sql: "SELECT entity_id, alias FROM alias ORDER BY rowid", arguments: [])
            return rows.map { r in
                EntitySummary(entity: Self.entity(r, aliases: aliases[r["id"] as String] ?? []),
                              mentions: r["mentions"], degree: r["degree"], documents: r["documents"])
            }
        }
    }

    /// The part of the graph within `depth` relations of an entity (for an ego diagram).
    /// - Complexity: that of `neighbors(of:depth:)`.
    public func egoSnapshot(around entity: Entity, depth: Int) throws -> GraphSnapshot {
        let near = try neighbors(of: entity, depth: depth, evidence: .none)
        let ids = Set(near.map(\.entity.id)).union([entity.id])
        let idList = Array(ids)
        let list = Self.jsonArray(idList.sorted())
        let relations = try db.read { db in
            try Self.relations(db, where: "r.head IN (SELECT value FROM json_each(?)) AND r.tail IN (SELECT value FROM json_each(?))"
                                + dateRangeClause(document: "e.document_id"),
                               arguments: [list, list])
        }
        let entities = [entity] + Dictionary(near.map { ($0.entity.id, $0.entity) }, uniquingKeysWith: { a, _ in a }).values
            .sorted { $0.id < $1.id }
        return GraphSnapshot(documents: [], entities: entities, mentions: [],
                             relations: relations)
    }
}
