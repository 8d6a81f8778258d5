import Foundation
import GRDB

extension GraphStore {
    /// Every document, in id order.
    public func documents() throws -> [Document] {
        try db.read { db in try Row.fetchAll(db, sql: "SELECT * FROM document ORDER BY id").map(Self.document) }
    }

    /// The id of the stored document with exactly this text, if any.
    /// - Complexity: one indexed lookup by content hash.
    public func documentID(withText text: String) throws -> String? {
        try db.read { db in try Self.documentID(db, hash: DocumentReader.contentHash(text), text: text) }
    }

    /// The id of the stored document with this content hash and text, if any.
    static func documentID(_ db: Database, hash: String, text: String) throws -> String? {
        try String.fetchOne(try db.cachedStatement(sql: "SELECT id FROM document WHERE content_hash = ? AND text = ?"),
                            arguments: [hash, text])
    }

    /// The documents with these ids, by id (for showing the articles a query cites).
    /// - Complexity: one indexed lookup per id.
    public func documents(ids: Set<String>) throws -> [String: Document] {
        guard !ids.isEmpty else { return [:] }
        return try db.read { db in
            var out: [String: Document] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT * FROM document WHERE id IN (SELECT value FROM json_each(?))",
                                      arguments: [Self.jsonArray(ids.sorted())]) {
                let d = Self.document(r)
                out[d.id] = d
            }
            return out
        }
    }

    /// One document's stored text and what page chrome was dropped from it.
    public func documentDetail(_ id: String) throws -> (document: Document, text: String, dropped: [PageCleaner.DroppedLine]) {
        try db.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM document WHERE id = ?", arguments: [id]) else {
                let ids = try String.fetchAll(db, sql: "SELECT id FROM document ORDER BY id")
                throw StoreError.unknownDocument(id, suggestions: Suggest.closest(id, in: ids))
            }
            let dropped = try Row.fetchAll(db, sql: #"SELECT reason, start, "end", text FROM dropped WHERE document_id = ? ORDER BY start"#,
                                           arguments: [id]).map {
                PageCleaner.DroppedLine(reason: $0["reason"], start: $0["start"], end: $0["end"], text: $0["text"])
            }
            return (Self.document(row), row["text"], dropped)
        }
    }

    /// Counts of what a document contributed.
    public func counts(documentID: String) throws -> (mentions: Int, entities: Int, relations: Int) {
        try db.read { db in
            let m = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mention WHERE document_id = ?", arguments: [documentID]) ?? 0
            let e = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT entity_id) FROM mention WHERE document_id = ?", arguments: [documentID]) ?? 0
            let r = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT relation_id) FROM evidence WHERE document_id = ?", arguments: [documentID]) ?? 0
            return (m, e, r)
        }
    }

    /// The whole graph. Used by export and render of the full graph.
    /// - Complexity: O(size of the store).
    public func snapshot() throws -> GraphSnapshot {
        try db.read { db in
            let docs = try Row.fetchAll(db, sql: "SELECT * FROM document WHERE 1\(dateRangeClause(document: "id")) ORDER BY id").map(Self.document)
            let aliases = try Self.aliasesByEntity(db, sql: "SELECT entity_id, alias FROM alias ORDER BY entity_id, rowid", arguments: [])
            let entities = try Row.fetchAll(db, sql: "SELECT id, name, type FROM entity ORDER BY id").map { r in
                Self.entity(r, aliases: aliases[r["id"] as String] ?? [])
            }
            let mentions = try Row.fetchAll(db, sql: #"SELECT entity_id, document_id, start, "end", text FROM mention WHERE 1\#(dateRangeClause(document: "document_id")) ORDER BY document_id, start"#).map(Self.mention)
            let relations = try Self.relations(db, where: "1" + dateRangeClause(document: "e.document_id"), arguments: [])
            // within a date range: the entities the range's articles mention or relate
            let used = range == nil ? nil : Set(mentions.map(\.entityID) + relations.flatMap { [$0.head, $0.tail] })
            return GraphSnapshot(documents: docs, entities: used.map { u in entities.filter { u.contains($0.id) } } ?? entities,
                                 mentions: mentions, relations: relations)
        }
    }

    // MARK: row mapping

    static func document(_ r: Row) -> Document {
        let bylines = (try? JSONDecoder().decode([String].self, from: Data((r["bylines"] as String? ?? "[]").utf8))) ?? []
        return Document(id: r["id"], path: r["path"], contentHash: r["content_hash"], title: r["title"], outlet: r["outlet"],
                        date: r["date"], sourceURL: r["source_url"], bylines: bylines,
                        isoDate: r["iso_date"], dateOrigin: r["date_origin"])
    }

    static func entity(_ r: Row, aliases: [String]) -> Entity {
        let name: String = r["name"]
        return Entity(id: r["id"], name: name, type: EntityType(rawValue: r["type"]) ?? .organization,
                      aliases: aliases.filter { $0 != name })
    }

    static func mention(_ r: Row) -> Mention {
        Mention(entityID: r["entity_id"], documentID: r["document_id"], start: r["start"], end: r["end"], text: r["text"])
    }

    static func aliasesByEntity(_ db: Database, sql: String, arguments: StatementArguments) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for r in try Row.fetchAll(db, sql: sql, arguments: arguments) { out[r["entity_id"], default: []].append(r["alias"]) }
        return out
    }

    /// Relations matching a WHERE clause over `relation`, each with all its evidence.
    static func relations(_ db: Database, where clause: String, arguments: StatementArguments) throws -> [Relation] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.id, r.head, r.tail, r.family, r.confidence, e.document_id, e.text, e.start, e."end", e.confidence AS ec
            FROM relation r JOIN evidence e ON e.relation_id = r.id
            WHERE \(clause) ORDER BY r.head, r.tail, r.family, e.document_id, e.start
            """, arguments: arguments)
        var out: [Relation] = []
        var lastID: Int64 = -1
        for row in rows {
            let id: Int64 = row["id"]
            let ev = Evidence(documentID: row["document_id"], text: row["text"], start: row["start"], end: row["end"], confidence: row["ec"])
            if id == lastID {
                out[out.count - 1].evidence.append(ev)
            } else {
                out.append(Relation(head: row["head"], tail: row["tail"], family: RelationFamily(rawValue: row["family"]) ?? .says,
                                    confidence: row["confidence"], evidence: [ev]))
                lastID = id
            }
        }
        return out
    }
}
