import Foundation
import GRDB

/// The knowledge graph on disk: an SQLite database (through GRDB) with
/// documents, entities, aliases, mentions, relations and evidence.
///
/// The store is marked as kg's (`PRAGMA application_id`); any other SQLite file, or a store
/// written by a newer kg, is refused and never written. Writers use WAL journaling with a busy
/// timeout, so concurrent builds take turns and readers never make a build fail. Documents are
/// written in batches, each document in its own savepoint: an interrupted build never leaves
/// half a document. Queries answer from indexes.
public final class GraphStore: Sendable {
    public let path: String
    let db: DatabaseQueue
    /// True when opened by ``openExisting(path:)``: no write is possible.
    public let readOnly: Bool
    /// When set, queries keep only evidence and mentions from articles dated in it (see ``within(_:)``).
    public let range: DateRange?

    /// kg's mark in the SQLite header (`PRAGMA application_id`): "kgG1".
    static let applicationID: Int32 = 0x6B67_4731

    /// How long a writer waits for another writer's transaction before giving up.
    static let busyTimeout: TimeInterval = 120

    /// Opens (creating if needed) the store at `path` for writing; the folder is created too.
    /// An older kg store is migrated.
    /// - Throws: ``StoreError/notAKGStore(_:tables:)`` for a foreign SQLite file,
    ///   ``StoreError/newerSchema(_:unknown:)`` for a store of a newer kg, ``StoreError/cannotOpen(_:reason:)``,
    ///   ``StoreError/readOnly(_:reason:)`` naming the cause (the file, its folder or the disk).
    public init(path: String) throws {
        self.path = path
        readOnly = false
        range = nil
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            if let why = Self.whyFolderCannotBeCreated(url.deletingLastPathComponent().path) { throw StoreError.readOnly(path, reason: why) }
            throw StoreError.cannotOpen(path, reason: Self.describe(error))
        }
        // identify an existing file before anything can write to it (WAL set-up writes)
        if Self.fileHasContent(path) {
            let probe: DatabaseQueue
            let before = Self.logFiles(path)
            do {
                probe = try Self.openForReading(path)
            } catch StoreError.logNeedsWritableFolder {
                throw StoreError.readOnly(path, reason: Self.whyReadOnly(path) ?? "its folder is read-only")
            }
            try Self.refusing(probe, path: path, logFilesBefore: before) {
                try Self.checkIdentity(probe, path: path, needsCurrentSchema: false)
            }
            try? probe.close()
        }
        do {
            var config = Configuration()
            config.foreignKeysEnabled = true
            config.journalMode = .wal
            config.busyMode = .timeout(Self.busyTimeout)
            db = try DatabaseQueue(path: path, configuration: config)
            try db.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    // checked again under the write lock: another process may have created it meanwhile
                    try Self.checkIdentity(db, path: path, needsCurrentSchema: false)
                    return .commit
                }
            }
            try Self.migrate(db)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where [.SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN].contains(error.resultCode) {
            throw StoreError.from(error, path: path, writing: true)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    private init(path: String, readOnlyQueue: DatabaseQueue, readOnly: Bool = true, range: DateRange? = nil) {
        self.path = path
        db = readOnlyQueue
        self.readOnly = readOnly
        self.range = range
    }

    /// The same store, its queries restricted to evidence and mentions from articles dated in `range`
    /// (the whole store when nil).
    public func within(_ range: DateRange?) -> GraphStore {
        GraphStore(path: path, readOnlyQueue: db, readOnly: readOnly, range: range)
    }

    /// Opens an existing store for reading only: nothing is migrated or written. A store in a read-only
    /// folder or on a read-only disk is read too (see ``openForReading(_:)``).
    /// - Throws: ``StoreError/logNeedsWritableFolder(_:)``, ``StoreError/cannotOpen(_:reason:)`` when the file does not exist, ``StoreError/notAKGStore(_:tables:)``,
    ///   ``StoreError/newerSchema(_:unknown:)``, or ``StoreError/olderSchema(_:)`` when `kg build` must upgrade it first.
    public static func openExisting(path: String) throws -> GraphStore {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw StoreError.cannotOpen(path, reason: "no such file; run 'kg build PATH...' first")
        }
        if isDir.boolValue { throw StoreError.cannotOpen(path, reason: "it is a folder, not a store file") }
        let before = logFiles(path)
        let queue = try openForReading(path)
        try refusing(queue, path: path, logFilesBefore: before) {
            try checkIdentity(queue, path: path, needsCurrentSchema: true)
        }
        return GraphStore(path: path, readOnlyQueue: queue)
    }

    /// Which of `path-wal` and `path-shm` exist.
    static func logFiles(_ path: String) -> Set<String> {
        Set(["-wal", "-shm"].filter { FileManager.default.fileExists(atPath: path + $0) })
    }

    /// Runs `check` on a read-only connection; when it throws (the file is refused), the connection is
    /// closed and the `-wal` and `-shm` files it made are removed: SQLite deletes them only when a
    /// writer closes the database, and a refused file must be left as it was found. They are removed
    /// only when neither existed before and the log is empty, so no other process was using them.
    static func refusing(_ queue: DatabaseQueue, path: String, logFilesBefore before: Set<String>, _ check: () throws -> Void) throws {
        do {
            try check()
        } catch {
            try? queue.close()
            let log = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            if before.isEmpty, log == 0 {
                for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
            }
            throw error
        }
    }

    static func fileHasContent(_ path: String) -> Bool {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) > 0
    }

    static func checkIdentity(_ queue: DatabaseQueue, path: String, needsCurrentSchema: Bool) throws {
        do {
            try queue.read { db in try checkIdentity(db, path: path, needsCurrentSchema: needsCurrentSchema) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// Refuses a database that is not kg's, or that a newer kg wrote.
    /// A kg store from before the mark (tables of schema "v1", no application id) is kg's.
    static func checkIdentity(_ db: Database, path: String, needsCurrentSchema: Bool) throws {
        let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        if tables.isEmpty && id == 0 { // a new, empty file: a build makes it a store; nothing to read yet
            if needsCurrentSchema {
                // a store copied without its write-ahead log (a build interrupted before a checkpoint) looks like this
                let what = fileHasContent(path)
                    ? "an SQLite file with no tables, no store yet (a store copied without its -wal file looks so: copy both)"
                    : "an empty file, no store yet"
                throw StoreError.cannotOpen(path, reason: "\(what); run 'kg build PATH...' first")
            }
            return
        }
        let legacy = try id == 0 && tables.contains("grdb_migrations") && tables.contains("document") && tables.contains("relation")
            && migrator.appliedIdentifiers(db).contains("v1")
        guard id == applicationID || legacy else {
            throw StoreError.notAKGStore(path, tables: tables)
        }
        // the schema version is also kept where SQLite tools look for it (user_version = migrations applied)
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if version > migrator.migrations.count {
            throw StoreError.newerSchema(path, unknown: ["user_version \(version) (this kg knows \(migrator.migrations.count))"])
        }
        if try migrator.hasBeenSuperseded(db) {
            let known = Set(migrator.migrations)
            let unknown = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").filter { !known.contains($0) }
            throw StoreError.newerSchema(path, unknown: unknown)
        }
        if needsCurrentSchema, !(try migrator.hasCompletedMigrations(db)) {
            throw StoreError.olderSchema(path)
        }
    }

    /// Runs the migrations not yet applied and marks the file as kg's. Two processes opening a
    /// store at once may both try a migration; the loser finds it done and goes on.
    static func migrate(_ queue: DatabaseQueue) throws {
        for attempt in 0..<5 {
            do {
                try migrator.migrate(queue)
                break
            } catch {
                if try queue.read(migrator.hasCompletedMigrations) { break }
                if attempt == 4 { throw error }
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt + 1))
            }
        }
        try queue.writeWithoutTransaction { db in
            if try Int32.fetchOne(db, sql: "PRAGMA application_id") != applicationID {
                try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            }
            if try Int.fetchOne(db, sql: "PRAGMA user_version") != migrator.migrations.count {
                try db.execute(sql: "PRAGMA user_version = \(migrator.migrations.count)")
            }
        }
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
        m.registerMigration("v2-relation-sources", migrate: migrateRelationSources)
        registerCorrectionMigrations(&m)
        return m
    }()
}
