import Foundation
import GRDB

/// Stores that can only be read: a read-only file, folder or disk.
///
/// In WAL mode SQLite reads through a shared-memory index, `STORE-shm`, which it creates beside the
/// store even to read. In a folder the reader cannot write (or on a read-only disk) the normal
/// read-only open fails. When no write-ahead log holds data, the file alone is the whole store and
/// it is opened with SQLite's `immutable=1` URI parameter, which needs neither file nor lock.
extension GraphStore {
    /// Opens `path` read-only, falling back to an immutable open when SQLite cannot create `path-shm`.
    /// - Throws: ``StoreError/logNeedsWritableFolder(_:)`` when committed data waits in `path-wal`
    ///   (an immutable open would miss it), ``StoreError/cannotOpen(_:reason:)``.
    static func openForReading(_ path: String) throws -> DatabaseQueue {
        do {
            let queue = try openReadOnlyQueue(path)
            // GRDB opens lazily on some versions: touch the schema so a missing -shm shows here
            _ = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        } catch let error as DatabaseError where needsSharedMemory(error, path: path) {
            if logHasContent(path) { throw StoreError.logNeedsWritableFolder(path) }
            do {
                let queue = try openReadOnlyQueue(immutableURI(path))
                _ = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
                return queue
            } catch {
                throw StoreError.cannotOpen(path, reason: "SQLite cannot read it in place, nor open it immutable: "
                    + (whyReadOnly(path) ?? describe(error)))
            }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    private static func openReadOnlyQueue(_ path: String) throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        return try DatabaseQueue(path: path, configuration: config)
    }

    /// True when a read-only open failed for want of a writable place for `path-shm` while the file
    /// itself is readable.
    static func needsSharedMemory(_ error: DatabaseError, path: String) -> Bool {
        [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode) && access(path, R_OK) == 0
            && (access(folder(of: path), W_OK) != 0 || isOnReadOnlyFileSystem(path))
    }

    /// True when `path-wal` exists and is not empty: committed transactions not yet checkpointed.
    static func logHasContent(_ path: String) -> Bool {
        fileHasContent(path + "-wal")
    }

    /// `path` as an SQLite URI filename with `immutable=1` (percent-encoded: `?`, `#` and `%` in a path stay literal).
    static func immutableURI(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute) + "?immutable=1"
    }

    /// The folder holding `path` ("." for a bare file name).
    static func folder(of path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }

    static func isOnReadOnlyFileSystem(_ path: String) -> Bool {
        var fs = statvfs()
        return statvfs(path, &fs) == 0 && fs.f_flag & UInt(ST_RDONLY) != 0
    }

    /// Why `path` cannot be written, or nil when neither it, its folder nor its file system is read-only.
    static func whyReadOnly(_ path: String) -> String? {
        if isOnReadOnlyFileSystem(path) || (!FileManager.default.fileExists(atPath: path) && isOnReadOnlyFileSystem(folder(of: path))) {
            return "it is on a read-only file system"
        }
        if FileManager.default.fileExists(atPath: path), access(path, W_OK) != 0 {
            return "the file is read-only (no permission to write it)"
        }
        let dir = folder(of: path)
        if access(dir, W_OK) != 0 {
            let name = (path as NSString).lastPathComponent
            guard FileManager.default.fileExists(atPath: path) else { return "its folder \(dir) is read-only, so the store cannot be created there" }
            return "its folder \(dir) is read-only (SQLite must create \(name)-wal and \(name)-shm there)"
        }
        return nil
    }

    /// Why the folder `dir` cannot be created, when the reason is a read-only folder or disk on the way.
    static func whyFolderCannotBeCreated(_ dir: String) -> String? {
        var existing = dir
        while !FileManager.default.fileExists(atPath: existing) {
            let parent = (existing as NSString).deletingLastPathComponent
            if parent.isEmpty || parent == existing { return nil }
            existing = parent
        }
        if isOnReadOnlyFileSystem(existing) { return "its folder \(dir) cannot be created on a read-only file system" }
        if access(existing, W_OK) != 0 { return "its folder \(dir) cannot be created: \(existing) is read-only" }
        return nil
    }
}
