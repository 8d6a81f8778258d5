import Foundation
import GRDB
import Testing
@testable import Graph

/// The store refuses what is not its own, never migrates when reading, and keeps
/// confidence per article incrementally.
@Suite struct StoreSafetyTests {
    func folder() -> URL { Paths.temporaryFolder() }

    /// A synthetic document stating `relations` (head, tail, sentence confidences).
    func document(_ id: String, _ relations: [(String, String, [Double])]) -> ExtractionResult {
        let names = Set(relations.flatMap { [$0.0, $0.1] }).sorted()
        let text = "Synthetic text of \(id)."
        return ExtractionResult(
            document: Document(id: id, path: id, contentHash: DocumentReader.contentHash(text)), text: text,
            entities: names.map { Entity(id: $0, name: $0.capitalized, type: .organization) }, mentions: [],
            relations: relations.map { h, t, cs in
                Relation(head: h, tail: t, family: .supports, confidence: cs.max()!,
                         evidence: cs.enumerated().map { Evidence(documentID: id, text: "sentence \($0.offset)", start: $0.offset * 10, end: $0.offset * 10 + 9, confidence: $0.element) })
            }, dropped: [], sentenceCount: 1)
    }

    func relation(_ store: GraphStore, _ h: String, _ t: String) throws -> (confidence: Double, sources: Int)? {
        try store.db.read { db in
            try Row.fetchOne(db, sql: "SELECT confidence, sources FROM relation WHERE head = ? AND tail = ?", arguments: [h, t])
                .map { ($0[0], $0[1]) }
        }
    }

    @Test func sentencesOfOneArticleAreOneSourceAndArticlesCombine() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("kg.sqlite").path)
        _ = try store.ingest(document("a.txt", [("x", "y", [0.6, 0.5, 0.4])]))
        // three sentences of one article: its best sentence, one source
        #expect(try relation(store, "x", "y")! == (0.6, 1))
        _ = try store.ingest(document("b.txt", [("x", "y", [0.5])]))
        #expect(try relation(store, "x", "y")! == (0.8, 2)) // 1 - 0.4 * 0.5
        _ = try store.ingest(document("c.txt", [("x", "y", [1.0])]))
        #expect(try relation(store, "x", "y")! == (1.0, 3))
        try store.remove(documentID: "c.txt")
        #expect(try relation(store, "x", "y")! == (0.8, 2))
        try store.remove(documentID: "a.txt")
        #expect(try relation(store, "x", "y")! == (0.5, 1))
        try store.remove(documentID: "b.txt")
        #expect(try relation(store, "x", "y") == nil)
        #expect(try store.snapshot().entities.isEmpty)
    }

    @Test func aDocumentTheStoreRefusesIsRolledBackAloneInItsBatch() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("kg.sqlite").path)
        var bad = document("bad.txt", [("p", "q", [0.5])])
        // a mention of an entity the document does not define breaks a foreign key
        bad.mentions = [Mention(entityID: "nobody", documentID: "bad.txt", start: 0, end: 3, text: "Syn")]
        let outcomes = try store.ingest(batch: [document("a.txt", [("x", "y", [0.5])]), bad, document("b.txt", [("y", "z", [0.5])])])
        #expect((try? outcomes[0].get()) == .added)
        #expect((try? outcomes[1].get()) == nil)
        #expect((try? outcomes[2].get()) == .added)
        let g = try store.snapshot()
        #expect(g.documents.map(\.id) == ["a.txt", "b.txt"])
        #expect(!g.entities.contains { $0.id == "p" || $0.id == "q" })
    }

    @Test func aForeignDatabaseIsRefusedByNameAndLeftUntouched() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("notes.sqlite").path
        let q = try DatabaseQueue(path: path)
        try q.write { try $0.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine')") }
        try q.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notAKGStore(path, tables: ["notes"])) { try GraphStore(path: path) }
        #expect(throws: StoreError.notAKGStore(path, tables: ["notes"])) { try GraphStore.openExisting(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func aStoreOfANewerKgIsRefusedAndNotWritten() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kg.sqlite").path
        _ = try GraphStore(path: path).ingest(document("a.txt", [("x", "y", [0.5])]))
        let q = try DatabaseQueue(path: path)
        try q.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')") }
        try q.close()
        #expect(throws: StoreError.newerSchema(path, unknown: ["v9-from-the-future"])) { try GraphStore(path: path) }
        #expect(throws: StoreError.newerSchema(path, unknown: ["v9-from-the-future"])) { try GraphStore.openExisting(path: path) }
        #expect(StoreError.newerSchema(path, unknown: ["v9"]).localizedDescription.contains("newer kg"))
    }

    @Test func anEditedFileReplacesItsOldVersionButAFileOfTheSameNameElsewhereIsRefused() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("kg.sqlite").path)
        func story(_ folder: String, _ text: String) -> ExtractionResult {
            var r = document("story.txt", [("x", "y", [0.5])])
            r.document.path = "/news/\(folder)/story.txt"
            r.text = text
            r.document.contentHash = DocumentReader.contentHash(text)
            return r
        }
        #expect(try store.ingest(story("monday", "Monday's story.")) == .added)
        #expect(try store.ingest(story("monday", "Monday's story, edited.")) == .replaced)
        #expect(GraphStore.samePath("/news/monday/../monday/story.txt", "/news/monday/story.txt"))
        #expect(!GraphStore.samePath("/news/tuesday/story.txt", "/news/monday/story.txt"))
        let outcomes = try store.ingest(batch: [story("tuesday", "Tuesday's story."), document("other.txt", [("x", "z", [0.4])])])
        #expect(throws: StoreError.nameTaken("story.txt", storedFrom: "/news/monday/story.txt")) { try outcomes[0].get() }
        #expect(try outcomes[1].get() == .added)
        #expect(try store.documents().map(\.path).sorted() == ["/news/monday/story.txt", "other.txt"])
        #expect(try store.db.read { try String.fetchOne($0, sql: "SELECT text FROM document WHERE id = 'story.txt'") } == "Monday's story, edited.")
    }

    @Test func aHigherUserVersionIsANewerKgsStore() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kg.sqlite").path
        _ = try GraphStore(path: path).ingest(document("a.txt", [("x", "y", [0.5])]))
        let known = GraphStore.migrator.migrations.count
        let q = try DatabaseQueue(path: path)
        #expect(try q.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == known)
        try q.write { try $0.execute(sql: "PRAGMA user_version = 99") }
        try q.close()
        let unknown = ["user_version 99 (this kg knows \(known))"]
        #expect(throws: StoreError.newerSchema(path, unknown: unknown)) { try GraphStore.openExisting(path: path) }
        #expect(throws: StoreError.newerSchema(path, unknown: unknown)) { try GraphStore(path: path) }
        // refused and left as found: no empty -wal or -shm beside it
        #expect(GraphStore.logFiles(path).isEmpty, "\(GraphStore.logFiles(path))")
        let after = try DatabaseQueue(path: path)
        #expect(try after.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 99)
    }

    @Test func anEmptyFileIsNoStoreToReadYet() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: path, contents: Data())
        #expect(throws: StoreError.cannotOpen(path, reason: "an empty file, no store yet; run 'kg build PATH...' first")) {
            try GraphStore.openExisting(path: path)
        }
        // a build makes it a store
        _ = try GraphStore(path: path).ingest(document("a.txt", [("x", "y", [0.5])]))
        #expect(try GraphStore.openExisting(path: path).documents().count == 1)
    }

    @Test func aStoreCopiedWithoutItsLogSaysWhatIsMissing() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kg.sqlite").path, copy = dir.appendingPathComponent("copy.sqlite").path
        let store = try GraphStore(path: path)
        _ = try store.ingest(document("a.txt", [("x", "y", [0.5])]))
        try FileManager.default.copyItem(atPath: path, toPath: copy) // the data is still in kg.sqlite-wal
        let reason = "an SQLite file with no tables, no store yet (a store copied without its -wal file looks so: copy both); "
            + "run 'kg build PATH...' first"
        #expect(throws: StoreError.cannotOpen(copy, reason: reason)) { try GraphStore.openExisting(path: copy) }
        withExtendedLifetime(store) {}
    }

    @Test func readingOpensReadOnlyAndNeverMigratesButABuildUpgradesAnOlderStore() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        // a store as kg wrote it before schema v2: v1 tables, no application id
        let q = try DatabaseQueue(path: path)
        try GraphStore.migrator.migrate(q, upTo: "v1")
        try q.write { db in
            try db.execute(sql: """
                INSERT INTO document VALUES ('a.txt', 'a.txt', 'h', NULL, NULL, NULL, NULL, '[]', 'text', 1, 'now');
                INSERT INTO entity VALUES ('x', 'X', 'organization'), ('y', 'Y', 'organization');
                INSERT INTO relation (id, head, tail, family, confidence) VALUES (1, 'x', 'y', 'supports', 0.75);
                INSERT INTO evidence (relation_id, document_id, text, start, "end", confidence)
                  VALUES (1, 'a.txt', 's1', 0, 2, 0.5), (1, 'a.txt', 's2', 3, 5, 0.5);
                """)
        }
        try q.close()
        #expect(throws: StoreError.olderSchema(path)) { try GraphStore.openExisting(path: path) }
        let stillOld = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        #expect(try stillOld.read { try GraphStore.migrator.appliedIdentifiers($0) } == ["v1"])
        try stillOld.close()
        let upgraded = try GraphStore(path: path)
        // two sentences of one article: one source, its best sentence
        #expect(try relation(upgraded, "x", "y")! == (0.5, 1))
        let reader = try GraphStore.openExisting(path: path)
        #expect(reader.readOnly)
        #expect(try reader.documents().map(\.id) == ["a.txt"])
        #expect(throws: StoreError.self) { try reader.remove(documentID: "a.txt") }
        #expect(try upgraded.db.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") } == GraphStore.applicationID)
    }

    @Test func aReadOnlyStoreSaysSoWithoutSQL() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kg.sqlite").path
        _ = try GraphStore(path: path).ingest(document("a.txt", [("x", "y", [0.5])]))
        let reader = try GraphStore.openExisting(path: path)
        do {
            _ = try reader.ingest(document("b.txt", [("x", "z", [0.5])]))
            Issue.record("a read-only store took a write")
        } catch {
            #expect(error as? StoreError == .readOnly(path, reason: "it is open for reading only"))
            #expect(!error.localizedDescription.contains("INSERT") && !error.localizedDescription.contains("b.txt"))
        }
    }
}
