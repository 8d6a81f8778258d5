import Foundation
import GRDB

/// The knowledge graph on disk: an SQLite database (through GRDB) with
/// documents, entities, aliases, mentions, relations and evidence.
///
/// Every document is written in one transaction: an interrupted build never
/// leaves half a document. Queries answer from indexes.
public final class GraphStore: Sendable {
    public let path: String
    let db: DatabaseQueue

    /// Opens (creating if needed) the store at `path`; the folder is created too.
    public init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            var config = Configuration()
            config.foreignKeysEnabled = true
            db = try DatabaseQueue(path: path, configuration: config)
            try Self.migrator.migrate(db)
        } catch {
            throw StoreError.cannotOpen(path, reason: Self.describe(error))
        }
    }

    /// Opens an existing store; fails when the file does not exist.
    public static func openExisting(path: String) throws -> GraphStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError.cannotOpen(path, reason: "no such file; run 'kg build PATH...' first")
        }
        return try GraphStore(path: path)
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        return (error as NSError).localizedDescription
    }

    static let migrator: DatabaseMigrator = {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE document (
                    id TEXT PRIMARY KEY NOT NULL, path TEXT NOT NULL, content_hash TEXT NOT NULL,
                    title TEXT, outlet TEXT, date TEXT, source_url TEXT, bylines TEXT NOT NULL DEFAULT '[]',
                    text TEXT NOT NULL, sentence_count INTEGER NOT NULL, ingested_at TEXT NOT NULL);
                CREATE INDEX document_hash ON document(content_hash);
                CREATE TABLE dropped (
                    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    reason TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL);
                CREATE INDEX dropped_document ON dropped(document_id);
                CREATE TABLE entity (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL);
                CREATE INDEX entity_type ON entity(type);
                CREATE TABLE alias (
                    entity_id TEXT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                    alias TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (entity_id, key));
                CREATE INDEX alias_key ON alias(key);
                CREATE TABLE mention (
                    id INTEGER PRIMARY KEY,
                    entity_id TEXT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL);
                CREATE INDEX mention_entity ON mention(entity_id);
                CREATE INDEX mention_document ON mention(document_id);
                CREATE TABLE relation (
                    id INTEGER PRIMARY KEY,
                    head TEXT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                    tail TEXT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                    family TEXT NOT NULL, confidence REAL NOT NULL,
                    UNIQUE (head, tail, family));
                CREATE INDEX relation_tail ON relation(tail);
                CREATE TABLE evidence (
                    id INTEGER PRIMARY KEY,
                    relation_id INTEGER NOT NULL REFERENCES relation(id) ON DELETE CASCADE,
                    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, confidence REAL NOT NULL,
                    UNIQUE (relation_id, document_id, start));
                CREATE INDEX evidence_document ON evidence(document_id);
                """)
        }
        registerCorrectionMigrations(&m)
        return m
    }()
}
