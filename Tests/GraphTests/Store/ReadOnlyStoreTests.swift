import Foundation
import GRDB
import Testing
@testable import Graph

/// A store that can only be read (a 0444 file in a 0555 folder): read commands work, write commands
/// fail with one line naming the store and the cause. kg runs as an unprivileged user (see
/// ``Unprivileged``), since file modes do not bind root.
@Suite(.enabled(if: Unprivileged.unavailable == nil, "\(Unprivileged.unavailable ?? "")"))
struct ReadOnlyStoreTests {
    /// A store holding one synthetic article: Alpha Corp supports Beta Group.
    static func writeStore(at path: String) throws -> GraphStore {
        let store = try GraphStore(path: path)
        let text = "Alpha Corp backed Beta Group."
        _ = try store.ingest(ExtractionResult(
            document: Document(id: "a.txt", path: "a.txt", contentHash: DocumentReader.contentHash(text)), text: text,
            entities: [Entity(id: "alpha", name: "Alpha Corp", type: .organization), Entity(id: "beta", name: "Beta Group", type: .organization)],
            mentions: [],
            relations: [Relation(head: "alpha", tail: "beta", family: .supports, confidence: 0.7,
                                 evidence: [Evidence(documentID: "a.txt", text: text, start: 0, end: text.utf8.count, confidence: 0.7)])],
            dropped: [], sentenceCount: 1))
        return store
    }

    /// A folder (closed to writing, mode 0555) holding a copy of a store (mode 0444), and its path.
    /// With `withLog`, the copy is taken while the writer is open: the store and its write-ahead log
    /// with the article not yet checkpointed.
    static func closedStore(withLog: Bool = false) throws -> (folder: URL, store: String) {
        let source = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: source) }
        let original = source.appendingPathComponent("kg.sqlite").path
        let dir = Paths.temporaryFolder()
        func copy(_ file: String) throws {
            try FileManager.default.copyItem(atPath: file, toPath: dir.appendingPathComponent((file as NSString).lastPathComponent).path)
        }
        if withLog {
            let writer = try writeStore(at: original)
            try copy(original)
            try copy(original + "-wal")
            _ = writer
        } else {
            _ = try writeStore(at: original) // freed here: the last connection folds the log into the file
            try copy(original)
        }
        let store = dir.appendingPathComponent("kg.sqlite").path
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) { chmod(dir.appendingPathComponent(name).path, 0o444) }
        chmod(dir.path, 0o555)
        return (dir, store)
    }

    static func remove(_ dir: URL) {
        chmod(dir.path, 0o755)
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func readCommandsReadAStoreInAFolderTheyCannotWrite() throws {
        let (dir, store) = try Self.closedStore()
        defer { Self.remove(dir) }
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let entities = try Unprivileged.run(["entities", "--store", store])
        #expect(entities.status == 0, "\(entities.stderr)")
        #expect(entities.out.contains("Alpha Corp") && entities.out.contains("Beta Group"))
        let neighbors = try Unprivileged.run(["neighbors", "Alpha Corp", "--store", store])
        #expect(neighbors.status == 0, "\(neighbors.stderr)")
        #expect(neighbors.out.contains("Beta Group"))
        let export = try Unprivileged.run(["export", "--format", "json", "-o", "-", "--store", store])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.out.contains("\"Alpha Corp\""))
        // nothing written beside it, nothing changed in it
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["kg.sqlite"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
    }

    @Test func writeCommandsOnAStoreInAReadOnlyFolderFailWithOneLineNamingTheCause() throws {
        let (dir, store) = try Self.closedStore()
        defer { Self.remove(dir) }
        let article = Unprivileged.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: article) }
        try "Gamma Party met Delta Union.".write(to: article.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let corrections = article.appendingPathComponent("c.json")
        try Data(#"{"format": "kg-corrections", "version": 1, "corrections": [{"kind": "alias", "entity": "alpha", "names": ["AC"]}]}"#.utf8).write(to: corrections)
        chmod(corrections.path, 0o644)
        let commands = [["build", article.path, "--store", store], ["remove", "a.txt", "--store", store],
                        ["rename", "Alpha Corp", "Alpha Inc", "--store", store], ["alias", "Alpha Corp", "AC", "--store", store],
                        ["corrections", "import", corrections.path, "--store", store]]
        for args in commands {
            let r = try Unprivileged.run(args)
            #expect(r.status != 0, "\(args)")
            // the folder is the cause here: the file is read-only too, but SQLite fails first on the folder
            #expect(r.stderr.hasPrefix("Error: \(store): cannot write the store: "), "\(args): \(r.stderr)")
            #expect(r.stderr.contains("read-only"), "\(args): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
            #expect(!r.stderr.contains("nothing was written") && !r.stderr.contains("SQL"), "\(args): \(r.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["kg.sqlite"])
        // a new store there, or in a sub-folder of it
        let fresh = dir.appendingPathComponent("new.sqlite").path
        let created = try Unprivileged.run(["build", article.path, "--store", fresh])
        #expect(created.stderr == "Error: \(fresh): cannot write the store: its folder \(dir.path) is read-only, so the store cannot be created there\n")
        let nested = dir.appendingPathComponent("sub/new.sqlite").path
        let folder = try Unprivileged.run(["build", article.path, "--store", nested])
        #expect(folder.stderr == "Error: \(nested): cannot write the store: its folder \(dir.path)/sub cannot be created: \(dir.path) is read-only\n")
        #expect(created.status != 0 && folder.status != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["kg.sqlite"])
    }

    @Test func aReadOnlyFileInAWritableFolderIsNamedAsTheCause() throws {
        let dir = Unprivileged.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("kg.sqlite").path
        _ = try Self.writeStore(at: store)
        chmod(store, 0o444)
        let r = try Unprivileged.run(["remove", "a.txt", "--store", store])
        #expect(r.status != 0)
        #expect(r.stderr == "Error: \(store): cannot write the store: the file is read-only (no permission to write it)\n")
        let read = try Unprivileged.run(["entities", "--store", store])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.out.contains("Alpha Corp"))
        // a file that cannot be read at all: no word of writing
        chmod(store, 0)
        let closed = try Unprivileged.run(["entities", "--store", store])
        #expect(closed.status != 0)
        #expect(closed.stderr == "Error: \(store): cannot open the store (no permission to read it)\n")
    }

    @Test func aWriteAheadLogWithDataIsNotSkippedByAnImmutableOpen() throws {
        let (dir, store) = try Self.closedStore(withLog: true)
        defer { Self.remove(dir) }
        try #require(GraphStore.fileHasContent(store + "-wal"), "the copy needs a write-ahead log with data")
        let r = try Unprivileged.run(["entities", "--store", store])
        #expect(r.status != 0)
        #expect(r.stderr == "Error: \(StoreError.logNeedsWritableFolder(store).localizedDescription)\n")
        #expect(r.stderr.contains("\(store)-wal") && r.stderr.contains("\(store)-shm"))
    }
}

/// The immutable URI names the very file, whatever its name holds.
@Suite struct ImmutableOpenTests {
    @Test func theImmutableURIOpensAStoreWhosePathHoldsURICharacters() throws {
        let dir = Paths.temporaryFolder().appendingPathComponent("odd ?name #1 %41")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let path = dir.appendingPathComponent("kg.sqlite").path
        _ = try ReadOnlyStoreTests.writeStore(at: path)
        let uri = GraphStore.immutableURI(path)
        #expect(uri.hasPrefix("file:/") && uri.hasSuffix("/odd%20%3Fname%20%231%20%2541/kg.sqlite?immutable=1"))
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: uri, configuration: config)
        #expect(try queue.read { try String.fetchAll($0, sql: "SELECT name FROM entity ORDER BY name") } == ["Alpha Corp", "Beta Group"])
        try queue.close()
    }
}

/// Mounting a read-only file system for a test, in a mount namespace of its own (`unshare -m`), so
/// nothing outlives the run.
enum ReadOnlyMount {
    static let unshare = "/usr/bin/unshare"
    /// Mounts a tmpfs on $1, copies the store $2 into it, remounts it read-only, then runs the rest.
    static let script = #"mount -t tmpfs -o size=16m none "$1" && cp "$2" "$1/kg.sqlite" && mount -o remount,ro "$1" && shift 2 && exec "$@""#

    /// Why the suite cannot mount here, or nil when it can (root with CAP_SYS_ADMIN).
    static let unavailable: String? = {
        guard KGProcess.available else { return "the kg binary is not built" }
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: unshare) else { return "mounting needs root and unshare (util-linux)" }
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: unshare)
        p.arguments = ["-m", "/bin/sh", "-c", #"mount -t tmpfs none "$1""#, "sh", dir.path]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return "unshare cannot run" }
        p.waitUntilExit()
        return p.terminationStatus == 0 ? nil : "this machine does not let the suite mount a file system (a container without CAP_SYS_ADMIN)"
    }()

    /// Runs `kg arguments` (with STORE standing for the mounted store) on a read-only mount of a copy of `store`.
    static func run(_ store: String, _ arguments: [String]) throws -> KGProcess.Result {
        let mount = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: mount) }
        let mounted = mount.appendingPathComponent("kg.sqlite").path
        return try KGProcess.run(arguments.map { $0 == "STORE" ? mounted : $0 },
                                 via: [unshare, "-m", "/bin/sh", "-c", script, "sh", mount.path, store])
    }
}

/// A store on a file system mounted read-only: read commands read it, write commands name the cause.
@Suite(.enabled(if: ReadOnlyMount.unavailable == nil, "\(ReadOnlyMount.unavailable ?? "")"))
struct ReadOnlyMountTests {
    @Test func aStoreOnAReadOnlyFileSystemIsReadAndRefusesWrites() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("kg.sqlite").path
        _ = try ReadOnlyStoreTests.writeStore(at: store) // freed at once: the file holds everything
        let read = try ReadOnlyMount.run(store, ["neighbors", "Alpha Corp", "--store", "STORE"])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.out.contains("Beta Group"))
        let write = try ReadOnlyMount.run(store, ["rename", "Alpha Corp", "Alpha Inc", "--store", "STORE"])
        #expect(write.status != 0)
        #expect(write.stderr.hasSuffix(": cannot write the store: it is on a read-only file system\n"), "\(write.stderr)")
        #expect(write.stderr.split(separator: "\n").count == 1)
    }
}
