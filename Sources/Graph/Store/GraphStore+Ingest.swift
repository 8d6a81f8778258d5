import Foundation
import GRDB

extension GraphStore {
    /// What happened to one document in a build.
    public enum IngestOutcome: Equatable, Sendable {
        /// Stored for the first time.
        case added
        /// Its id was stored with other content; the old version was replaced.
        case replaced
        /// The same content is already stored (under the given id).
        case skipped(duplicateOf: String)
    }

    /// Stores one document's extraction in a single transaction.
    public func ingest(_ result: ExtractionResult) throws -> IngestOutcome {
        try db.write { db in
            let doc = result.document
            if let dup = try String.fetchOne(db, sql: "SELECT id FROM document WHERE content_hash = ? AND text = ?",
                                             arguments: [doc.contentHash, result.text]) {
                return .skipped(duplicateOf: dup)
            }
            var outcome = IngestOutcome.added
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE id = ?", arguments: [doc.id]) == true {
                try Self.deleteDocument(db, doc.id)
                outcome = .replaced
            }
            let bylines = String(data: try JSONEncoder().encode(doc.bylines), encoding: .utf8) ?? "[]"
            try db.execute(sql: """
                INSERT INTO document (id, path, content_hash, title, outlet, date, source_url, bylines, text, sentence_count, ingested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [doc.id, doc.path, doc.contentHash, doc.title, doc.outlet, doc.date, doc.sourceURL, bylines,
                                 result.text, result.sentenceCount, ISO8601DateFormatter().string(from: Date())])
            for d in result.dropped {
                try db.execute(sql: #"INSERT INTO dropped (document_id, reason, start, "end", text) VALUES (?, ?, ?, ?, ?)"#,
                               arguments: [doc.id, d.reason, d.start, d.end, d.text])
            }
            for e in result.entities {
                // ids fold case and accents, so "Orban" and "Orbán" are one entity, shown with its accents
                if let stored = try String.fetchOne(db, sql: "SELECT name FROM entity WHERE id = ?", arguments: [e.id]) {
                    if TextNormalization.isFullerSpelling(e.name, than: stored) {
                        try db.execute(sql: "UPDATE entity SET name = ? WHERE id = ?", arguments: [e.name, e.id])
                    }
                } else {
                    try db.execute(sql: "INSERT INTO entity (id, name, type) VALUES (?, ?, ?)", arguments: [e.id, e.name, e.type.rawValue])
                }
                for a in [e.name] + e.aliases {
                    try db.execute(sql: "INSERT OR IGNORE INTO alias (entity_id, alias, key) VALUES (?, ?, ?)",
                                   arguments: [e.id, a, TextNormalization.key(a)])
                }
            }
            for m in result.mentions {
                try db.execute(sql: #"INSERT INTO mention (entity_id, document_id, start, "end", text) VALUES (?, ?, ?, ?, ?)"#,
                               arguments: [m.entityID, doc.id, m.start, m.end, m.text])
            }
            for r in result.relations {
                try db.execute(sql: """
                    INSERT INTO relation (head, tail, family, confidence) VALUES (?, ?, ?, 0)
                    ON CONFLICT (head, tail, family) DO NOTHING
                    """, arguments: [r.head, r.tail, r.family.rawValue])
                let id = try Int64.fetchOne(db, sql: "SELECT id FROM relation WHERE head = ? AND tail = ? AND family = ?",
                                            arguments: [r.head, r.tail, r.family.rawValue])!
                for ev in r.evidence {
                    try db.execute(sql: #"""
                        INSERT OR IGNORE INTO evidence (relation_id, document_id, text, start, "end", confidence)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """#, arguments: [id, doc.id, ev.text, ev.start, ev.end, ev.confidence])
                }
                try Self.refreshConfidence(db, relation: id)
            }
            try Self.applyCorrections(db)
            return outcome
        }
    }

    /// Retracts a document: its mentions and evidence go, and so do relations and
    /// entities left with no evidence or mention.
    public func remove(documentID: String) throws {
        try db.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE id = ?", arguments: [documentID]) == true else {
                let ids = try String.fetchAll(db, sql: "SELECT id FROM document ORDER BY id")
                throw StoreError.unknownDocument(documentID, suggestions: Suggest.closest(documentID, in: ids))
            }
            try Self.deleteDocument(db, documentID)
        }
    }

    static func deleteDocument(_ db: Database, _ id: String) throws {
        let touched = try Int64.fetchAll(db, sql: "SELECT DISTINCT relation_id FROM evidence WHERE document_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM relation WHERE NOT EXISTS (SELECT 1 FROM evidence WHERE relation_id = relation.id)")
        for r in touched { try refreshConfidence(db, relation: r) }
        try db.execute(sql: """
            DELETE FROM entity WHERE NOT EXISTS (SELECT 1 FROM mention WHERE entity_id = entity.id)
              AND NOT EXISTS (SELECT 1 FROM relation WHERE head = entity.id OR tail = entity.id)
            """)
    }

    /// A relation's confidence: independent sources combine, 1 - Π(1 - c).
    static func refreshConfidence(_ db: Database, relation id: Int64) throws {
        let cs = try Double.fetchAll(db, sql: "SELECT confidence FROM evidence WHERE relation_id = ?", arguments: [id])
        guard !cs.isEmpty else { return }
        let c = 1 - cs.reduce(1) { $0 * (1 - $1) }
        try db.execute(sql: "UPDATE relation SET confidence = ? WHERE id = ?", arguments: [(c * 1000).rounded() / 1000, id])
    }
}
