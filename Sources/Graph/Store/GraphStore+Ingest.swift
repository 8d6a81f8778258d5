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

    /// Stores one document in its own transaction.
    public func ingest(_ result: ExtractionResult) throws -> IngestOutcome {
        try ingest(batch: [result])[0].get()
    }

    /// Stores documents in one transaction (one commit, one sync), each document in its own
    /// savepoint: a document the store refuses (a constraint) is rolled back alone and reported
    /// in its slot; a failure of the store itself (read-only, disk full, locked too long) rolls
    /// the whole batch back and is thrown as a ``StoreError``.
    /// - Complexity: O(size of the documents): each relation's confidence is updated from its
    ///   running sum, never by re-reading its evidence.
    public func ingest(batch: [ExtractionResult]) throws -> [Result<IngestOutcome, Error>] {
        do {
            return try db.writeWithoutTransaction { db in
                var out: [Result<IngestOutcome, Error>] = []
                try db.inTransaction(.immediate) {
                    for r in batch {
                        var outcome: IngestOutcome = .added
                        do {
                            try db.inSavepoint {
                                outcome = try Self.store(db, r)
                                return .commit
                            }
                            out.append(.success(outcome))
                        } catch let e as DatabaseError where Self.isDocumentLevel(e) {
                            out.append(.failure(e))
                        } catch let e as StoreError {
                            out.append(.failure(e)) // refused (its savepoint rolled back), the others go on
                        }
                    }
                    return .commit
                }
                return out
            }
        } catch {
            throw StoreError.from(error, path: path, writing: true)
        }
    }

    /// Whether two stored paths name one file (absolute paths compared once `.` and `..` are resolved;
    /// a path that is not absolute, as synthetic and test documents have, matches itself only).
    static func samePath(_ a: String, _ b: String) -> Bool {
        a == b || (a.hasPrefix("/") && b.hasPrefix("/")
                   && URL(fileURLWithPath: a).standardizedFileURL.path == URL(fileURLWithPath: b).standardizedFileURL.path)
    }

    static func isDocumentLevel(_ e: DatabaseError) -> Bool {
        [.SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_TOOBIG, .SQLITE_RANGE].contains(e.resultCode)
    }

    /// Stores one document (inside the caller's transaction): replaces an older version with
    /// the same id, skips content already stored.
    static func store(_ db: Database, _ result: ExtractionResult) throws -> IngestOutcome {
        let doc = result.document
        if let dup = try documentID(db, hash: doc.contentHash, text: result.text) {
            return .skipped(duplicateOf: dup)
        }
        var outcome = IngestOutcome.added
        if let storedPath = try String.fetchOne(try db.cachedStatement(sql: "SELECT path FROM document WHERE id = ?"), arguments: [doc.id]) {
            // the same file, edited, replaces its old version; a file of the same name elsewhere is another article
            guard samePath(storedPath, doc.path) else { throw StoreError.nameTaken(doc.id, storedFrom: storedPath) }
            try deleteDocument(db, doc.id)
            outcome = .replaced
        }
        let bylines = String(data: try JSONEncoder().encode(doc.bylines), encoding: .utf8) ?? "[]"
        try db.cachedStatement(sql: """
            INSERT INTO document (id, path, content_hash, title, outlet, date, source_url, bylines, text, sentence_count, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [doc.id, doc.path, doc.contentHash, doc.title, doc.outlet, doc.date, doc.sourceURL, bylines,
                                     result.text, result.sentenceCount, timestamp()])
        let dropped = try db.cachedStatement(sql: #"INSERT INTO dropped (document_id, reason, start, "end", text) VALUES (?, ?, ?, ?, ?)"#)
        for d in result.dropped {
            try dropped.execute(arguments: [doc.id, d.reason, d.start, d.end, d.text])
        }
        let entityName = try db.cachedStatement(sql: "SELECT name FROM entity WHERE id = ?")
        let rename = try db.cachedStatement(sql: "UPDATE entity SET name = ? WHERE id = ?")
        let newEntity = try db.cachedStatement(sql: "INSERT INTO entity (id, name, type) VALUES (?, ?, ?)")
        let alias = try db.cachedStatement(sql: "INSERT OR IGNORE INTO alias (entity_id, alias, key) VALUES (?, ?, ?)")
        for e in result.entities {
            // ids fold case and accents, so "Orban" and "Orbán" are one entity, shown with its accents
            if let stored = try String.fetchOne(entityName, arguments: [e.id]) {
                if TextNormalization.isFullerSpelling(e.name, than: stored) { try rename.execute(arguments: [e.name, e.id]) }
            } else {
                try newEntity.execute(arguments: [e.id, e.name, e.type.rawValue])
            }
            for a in [e.name] + e.aliases { try alias.execute(arguments: [e.id, a, TextNormalization.key(a)]) }
        }
        let mention = try db.cachedStatement(sql: #"INSERT INTO mention (entity_id, document_id, start, "end", text) VALUES (?, ?, ?, ?, ?)"#)
        for m in result.mentions {
            try mention.execute(arguments: [m.entityID, doc.id, m.start, m.end, m.text])
        }
        let findRelation = try db.cachedStatement(sql: "SELECT id, sources, log_miss FROM relation WHERE head = ? AND tail = ? AND family = ?")
        let newRelation = try db.cachedStatement(sql: "INSERT INTO relation (head, tail, family, confidence, sources, log_miss) VALUES (?, ?, ?, 0, 0, 0)")
        let evidence = try db.cachedStatement(sql: #"""
            INSERT OR IGNORE INTO evidence (relation_id, document_id, text, start, "end", confidence) VALUES (?, ?, ?, ?, ?, ?)
            """#)
        let source = try db.cachedStatement(sql: "INSERT OR IGNORE INTO relation_source (relation_id, document_id, confidence) VALUES (?, ?, ?)")
        let update = try db.cachedStatement(sql: "UPDATE relation SET sources = ?, log_miss = ?, confidence = ? WHERE id = ?")
        for r in result.relations where !r.evidence.isEmpty {
            let id: Int64, sources: Int, logMiss: Double
            if let row = try Row.fetchOne(findRelation, arguments: [r.head, r.tail, r.family.rawValue]) {
                (id, sources, logMiss) = (row[0], row[1], row[2])
            } else {
                try newRelation.execute(arguments: [r.head, r.tail, r.family.rawValue])
                (id, sources, logMiss) = (db.lastInsertedRowID, 0, 0)
            }
            for ev in r.evidence {
                try evidence.execute(arguments: [id, doc.id, ev.text, ev.start, ev.end, ev.confidence])
            }
            // an article is one source however many of its sentences state the relation: its best sentence counts
            let c = r.evidence.map(\.confidence).max()!
            try source.execute(arguments: [id, doc.id, c])
            guard db.changesCount == 1 else { continue }
            let miss = logMiss + Self.logMiss(c)
            try update.execute(arguments: [sources + 1, miss, Self.confidence(logMiss: miss), id])
        }
        try finishDocument(db, result)
        return outcome
    }

    /// Retracts a document: its mentions and evidence go, and so do relations and
    /// entities left with no evidence or mention.
    public func remove(documentID: String) throws {
        do { try removeDocument(documentID) } catch { throw StoreError.from(error, path: path, writing: true) }
    }

    private func removeDocument(_ documentID: String) throws {
        try db.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE id = ?", arguments: [documentID]) == true else {
                    let ids = try String.fetchAll(db, sql: "SELECT id FROM document ORDER BY id")
                    throw StoreError.unknownDocument(documentID, suggestions: Suggest.closest(documentID, in: ids))
                }
                try Self.deleteDocument(db, documentID)
                return .commit
            }
        }
    }

    /// Deletes a document and what only it supported; the confidence of the relations it cited
    /// is updated from their running sums.
    /// - Complexity: O(what the document contributed), never a scan of all relations or entities.
    static func deleteDocument(_ db: Database, _ id: String) throws {
        var candidates = Set(try String.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT entity_id FROM mention WHERE document_id = ?"),
                                                 arguments: [id]))
        let cited = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT r.id, r.head, r.tail, r.sources, r.log_miss, s.confidence
            FROM relation_source s JOIN relation r ON r.id = s.relation_id WHERE s.document_id = ?
            """), arguments: [id])
        let update = try db.cachedStatement(sql: "UPDATE relation SET sources = ?, log_miss = ?, confidence = ? WHERE id = ?")
        let drop = try db.cachedStatement(sql: "DELETE FROM relation WHERE id = ?")
        for row in cited {
            let rid: Int64 = row[0], sources: Int = row[3], logMiss: Double = row[4], c: Double = row[5]
            if sources <= 1 {
                try drop.execute(arguments: [rid])
                candidates.insert(row[1])
                candidates.insert(row[2])
            } else {
                let miss = min(0, logMiss - Self.logMiss(c))
                try update.execute(arguments: [sources - 1, miss, Self.confidence(logMiss: miss), rid])
            }
        }
        try db.cachedStatement(sql: "DELETE FROM document WHERE id = ?").execute(arguments: [id])
        let orphan = try db.cachedStatement(sql: """
            DELETE FROM entity WHERE id = ? AND NOT EXISTS (SELECT 1 FROM mention WHERE entity_id = ?)
              AND NOT EXISTS (SELECT 1 FROM relation WHERE head = ?) AND NOT EXISTS (SELECT 1 FROM relation WHERE tail = ?)
            """)
        for e in candidates.sorted() { try orphan.execute(arguments: [e, e, e, e]) }
    }

    /// ln(1 - c), with c kept below 1 so that one certain source cannot make the sum infinite.
    static func logMiss(_ c: Double) -> Double { log(1 - min(max(c, 0), 1 - 1e-9)) }

    /// A relation's confidence from its sources' sum of ln(1 - c): independent articles combine,
    /// 1 - Π(1 - c), to three decimals.
    static func confidence(logMiss: Double) -> Double { ((1 - exp(logMiss)) * 1000).rounded() / 1000 }

    static func timestamp() -> String {
        let f = ISO8601DateFormatter()
        return f.string(from: Date())
    }

    /// Schema "v2-relation-sources": one row per relation and citing article (its best sentence's
    /// confidence), and per relation the number of articles and the running sum of ln(1 - c).
    static func migrateRelationSources(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE relation_source (
                relation_id INTEGER NOT NULL REFERENCES relation(id) ON DELETE CASCADE,
                document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                confidence REAL NOT NULL,
                PRIMARY KEY (relation_id, document_id)) WITHOUT ROWID;
            CREATE INDEX relation_source_document ON relation_source(document_id);
            ALTER TABLE relation ADD COLUMN sources INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE relation ADD COLUMN log_miss REAL NOT NULL DEFAULT 0;
            INSERT INTO relation_source (relation_id, document_id, confidence)
              SELECT relation_id, document_id, MAX(confidence) FROM evidence GROUP BY relation_id, document_id;
            """)
        var sums: [Int64: (Int, Double)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT relation_id, confidence FROM relation_source") {
            let id: Int64 = row[0], c: Double = row[1]
            let old = sums[id] ?? (0, 0)
            sums[id] = (old.0 + 1, old.1 + logMiss(c))
        }
        let update = try db.cachedStatement(sql: "UPDATE relation SET sources = ?, log_miss = ?, confidence = ? WHERE id = ?")
        for (id, (n, miss)) in sums { try update.execute(arguments: [n, miss, confidence(logMiss: miss), id]) }
    }
}
