import Foundation
import GRDB

extension GraphStore {
    /// Relations by the date of the articles that state them, earliest first (undated articles last): one
    /// statement per relation and article, with the article's sentences. Only relations of `entity` when given.
    /// - Complexity: one indexed query; O(evidence returned).
    public func timeline(of entity: Entity? = nil) throws -> [Statement] {
        var clause = "1"
        var args: [DatabaseValueConvertible] = []
        if let entity {
            clause = "(r.head = ? OR r.tail = ?)"
            args = [entity.id, entity.id]
        }
        return try statements(where: clause, arguments: args, order: "d.iso_date IS NULL, d.iso_date, d.id, MIN(e.start)")
    }

    /// The relations a document states, in the order of their first sentence.
    /// - Throws: `StoreError.unknownDocument` with the nearest ids.
    public func statements(inDocument id: String) throws -> [Statement] {
        _ = try documentDetail(id)
        return try statements(where: "e.document_id = ?", arguments: [id], order: "MIN(e.start), r.family")
    }

    private func statements(where clause: String, arguments: [DatabaseValueConvertible], order: String) throws -> [Statement] {
        try db.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.id, r.head, r.tail, r.family, e.document_id, d.iso_date, d.date_origin, h.name AS hn, t.name AS tn,
                       json_group_array(json_array(e.start, e."end", e.confidence, e.text)) AS ev
                FROM evidence e JOIN relation r ON r.id = e.relation_id JOIN document d ON d.id = e.document_id
                JOIN entity h ON h.id = r.head JOIN entity t ON t.id = r.tail
                WHERE \(clause) \(dateRangeClause(document: "e.document_id"))
                GROUP BY r.id, e.document_id ORDER BY \(order)
                """, arguments: StatementArguments(arguments))
            return rows.map { r in
                let doc: String = r["document_id"]
                let ev = Self.evidenceList(r["ev"], document: doc)
                return Statement(document: doc, date: r["iso_date"], dateOrigin: r["date_origin"], head: r["head"], headName: r["hn"],
                                 family: RelationFamily(rawValue: r["family"]) ?? .says, tail: r["tail"], tailName: r["tn"], evidence: ev)
            }
        }
    }

    /// Decodes `json_group_array(json_array(start, end, confidence, text))`, sorted by start.
    static func evidenceList(_ json: String, document: String) -> [Evidence] {
        guard let data = json.data(using: .utf8), let items = try? JSONSerialization.jsonObject(with: data) as? [[Any]] else { return [] }
        return items.compactMap { a -> Evidence? in
            guard a.count == 4, let s = a[0] as? Int, let e = a[1] as? Int, let t = a[3] as? String else { return nil }
            return Evidence(documentID: document, text: t, start: s, end: e, confidence: (a[2] as? Double) ?? Double(a[2] as? Int ?? 0))
        }.sorted { $0.start < $1.start }
    }
}
