import Foundation
import GRDB

/// What can go wrong with the graph store.
public enum StoreError: LocalizedError, Equatable {
    /// The store file cannot be opened.
    case cannotOpen(String, reason: String)
    /// The file is an SQLite database that kg did not write (its tables are listed); kg never writes to it.
    case notAKGStore(String, tables: [String])
    /// The store was written by a newer kg (migrations this kg does not know); kg neither reads nor writes it.
    case newerSchema(String, unknown: [String])
    /// The store was written by an older kg; `kg build` upgrades it (reading commands never migrate).
    case olderSchema(String)
    /// The store cannot be written; the reason names the cause: the file is read-only, its folder is
    /// (SQLite creates `STORE-wal` and `STORE-shm` beside it), or the file system is mounted read-only.
    case readOnly(String, reason: String)
    /// The store cannot be read in place: committed data is still in its write-ahead log (`STORE-wal`),
    /// which SQLite reads only through `STORE-shm`, and that file cannot be created in its read-only folder or disk.
    case logNeedsWritableFolder(String)
    /// Another process held the store's write lock longer than kg waits.
    case busy(String, seconds: Int)
    /// Writing failed for a reason of the disk or the database (disk full, I/O error); the batch was rolled back.
    case writeFailed(String, reason: String)
    /// The name given has nothing to look up: it is empty, or only spaces and punctuation.
    case emptyName(String)
    /// No entity has this name or alias; the closest names follow.
    case unknownEntity(String, suggestions: [String])
    /// Several entities have this name or alias.
    case ambiguousEntity(String, candidates: [String])
    /// No document has this id.
    case unknownDocument(String, suggestions: [String])
    /// The store holds no documents yet.
    case emptyStore(String)
    /// Entities of different types cannot be merged without saying which type the merged one has.
    case typesDiffer([String])
    /// No stored relation matches a rejection; the relations stored between its ends follow.
    case noRelation(String, stored: [String])
    /// `accept` names a relation none of whose evidence is rejected.
    case notRejected(String)
    /// The correction would change nothing.
    case nothingToCorrect(String)
    /// A corrections file cannot be read, or one of its corrections is malformed.
    case badCorrections(String, reason: String)
    /// Another file of the same name (a document's id) is stored, from another folder, with other content:
    /// the stored one is kept. The document id, then the stored document's path.
    case nameTaken(String, storedFrom: String)

    public var errorDescription: String? {
        switch self {
        case .nameTaken(let id, let stored):
            return "another article named \(id) is stored, from \(stored); a document's id is its file name: rename this file, or 'kg remove \(id)' first to replace it"
        case .cannotOpen(let p, let reason):
            return "\(p): cannot open the store (\(reason))"
        case .notAKGStore(let p, let tables):
            let list = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", ..." : "")
            return "\(p): not a kg store (an SQLite database with tables \(list)); kg leaves it untouched"
        case .newerSchema(let p, let unknown):
            return "\(p): written by a newer kg (schema \(unknown.joined(separator: ", "))); upgrade kg to use it"
        case .olderSchema(let p):
            return "\(p): written by an older kg; run 'kg build --store \(p) PATH...' once to upgrade it"
        case .readOnly(let p, let reason):
            return "\(p): cannot write the store: \(reason)"
        case .logNeedsWritableFolder(let p):
            return "\(p): cannot read the store: committed data is still in \(p)-wal, and SQLite cannot create \(p)-shm "
                + "to read it (read-only folder or disk); have its owner run 'sqlite3 \(p) \"PRAGMA wal_checkpoint(TRUNCATE)\"', "
                + "or copy both files to a writable folder"
        case .busy(let p, let s):
            return "\(p): another process kept the store locked for more than \(s) s; nothing was written"
        case .writeFailed(let p, let reason):
            return "\(p): writing the store failed (\(reason)); the last batch was rolled back"
        case .emptyName(let n):
            return (n.isEmpty ? "the entity name is empty" : "'\(n)' is no entity name: it has no letters or digits")
                + "; give a name as 'kg entities' lists it"
        case .unknownEntity(let n, let s):
            return "no entity named '\(n)'" + (s.isEmpty ? "" : "; did you mean: \(s.joined(separator: ", "))?")
        case .ambiguousEntity(let n, let c):
            return "'\(n)' names several entities: \(c.joined(separator: "; ")); name one of them"
        case .unknownDocument(let d, let s):
            return "no document '\(d)'" + (s.isEmpty ? "" : "; did you mean: \(s.joined(separator: ", "))?")
        case .emptyStore(let p):
            return "\(p): the store is empty; run 'kg build PATH...' first"
        case .typesDiffer(let names):
            return "the entities have different types: \(names.joined(separator: "; ")); give the merged entity's type with --type"
        case .noRelation(let r, let stored):
            return "no relation \(r) is stored" + (stored.isEmpty ? "" : "; stored between them: \(stored.joined(separator: "; "))")
        case .notRejected(let r):
            return "no evidence of \(r) is rejected"
        case .nothingToCorrect(let why):
            return "nothing to change: \(why)"
        case .badCorrections(let file, let why):
            return "\(file): \(why)"
        }
    }

    /// A store-level error for a database or file error, without SQL.
    static func from(_ error: Error, path: String, writing: Bool = false) -> StoreError {
        if let e = error as? StoreError { return e }
        if let e = error as? DatabaseError {
            switch e.resultCode {
            case .SQLITE_READONLY, .SQLITE_PERM:
                guard writing else {
                    return .cannotOpen(path, reason: "SQLite cannot read it in place: " + (GraphStore.whyReadOnly(path) ?? "read-only"))
                }
                return .readOnly(path, reason: GraphStore.whyReadOnly(path) ?? "it is open for reading only")
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path, seconds: Int(GraphStore.busyTimeout))
            case .SQLITE_FULL: return .writeFailed(path, reason: "the disk is full")
            case .SQLITE_NOTADB: return .cannotOpen(path, reason: "not an SQLite database")
            case .SQLITE_CORRUPT: return .cannotOpen(path, reason: "the database is corrupt")
            case .SQLITE_CANTOPEN:
                if FileManager.default.fileExists(atPath: path) && !FileManager.default.isReadableFile(atPath: path) {
                    return .cannotOpen(path, reason: "no permission to read it")
                }
                if writing, let why = GraphStore.whyReadOnly(path) { return .readOnly(path, reason: why) }
                return .cannotOpen(path, reason: "cannot open the file")
            case .SQLITE_IOERR: return writing ? .writeFailed(path, reason: "I/O error") : .cannotOpen(path, reason: "I/O error")
            default:
                let why = e.message ?? "\(e.resultCode)"
                return writing ? .writeFailed(path, reason: why) : .cannotOpen(path, reason: why)
            }
        }
        return .cannotOpen(path, reason: GraphStore.describe(error))
    }
}
