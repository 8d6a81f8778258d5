import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader sees the old content or the new, never half of it:
/// into a temporary file in the target's folder, flushed to disk, then renamed over it.
///
/// - The target keeps its permission bits (a 0600 file stays 0600); a new file gets
///   0666 less the umask, as `open(2)` would give it.
/// - `path` may be a symbolic link (or a chain of them): the link stays, and the file it
///   points to is replaced, atomically, in that file's folder.
/// - No temporary file is left behind: the content is written into an unnamed file
///   (O_TMPFILE) that gets its temporary name `.NAME.kg-tmp-PID` only once flushed, just
///   before the rename; it is removed when the write fails, and when the process is
///   interrupted (SIGINT, SIGTERM, SIGHUP) while it exists. One left by a process killed
///   outright in that instant (or on a file system without unnamed files) is removed by the
///   next write of NAME once no process PID exists.
/// - A target that is a device, FIFO or socket (`/dev/null`, `/dev/stdout`, a named pipe)
///   is written into, never replaced.
public enum AtomicWriter {
    /// Writes `data` to `path`, creating missing parent folders.
    /// - Throws: ``ExportError/cannotWrite(_:reason:)``; the old content is then left as it was.
    public static func write(_ data: Data, to path: String) throws {
        let target = try resolveLinks(path)
        let dir = (target as NSString).deletingLastPathComponent.isEmpty ? "." : (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw ExportError.cannotWrite(path, reason: "cannot create folder \(dir)")
        }
        removeStaleTemporaries(of: name, in: dir)

        var st = stat()
        let mode: mode_t
        if stat(target, &st) == 0 {
            switch st.st_mode & S_IFMT {
            case S_IFDIR: throw ExportError.cannotWrite(path, reason: "it is a folder")
            case S_IFREG: break
            default: return try writeInPlace(data, to: target, shownAs: path) // a device, FIFO or socket is written, never replaced
            }
            mode = st.st_mode & 0o7777
        } else {
            mode = 0o666 & ~currentUmask()
        }

        let tmp = (dir as NSString).appendingPathComponent(".\(name).kg-tmp-\(getpid())")
        let cleanup = TemporaryFileGuard(tmp)
        defer { cleanup.release() }
        // An unnamed file (O_TMPFILE) is written and flushed first and only then given the temporary
        // name, just before the rename: a process killed outright while writing leaves nothing behind.
        // Where the file system has no unnamed files, the named temporary file is written instead.
        let unnamed = open(dir, oTemporaryFile | O_WRONLY | O_CLOEXEC, 0o600)
        let fd = unnamed >= 0 ? unnamed : open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ExportError.cannotWrite(path, reason: lastError()) }
        var failure = writeAll(data, to: fd)
        if failure == nil, fchmod(fd, mode) != 0 { failure = lastError() }
        if failure == nil, fsync(fd) != 0 { failure = lastError() }
        if failure == nil, unnamed >= 0 {
            unlink(tmp) // one left by an earlier process of this pid
            if linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) != 0 { failure = lastError() }
        }
        if close(fd) != 0, failure == nil { failure = lastError() }
        if failure == nil, rename(tmp, target) != 0 { failure = lastError() }
        if let failure {
            unlink(tmp)
            throw ExportError.cannotWrite(path, reason: failure)
        }
        // the rename is durable once the folder is
        let dirFD = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 { fsync(dirFD); close(dirFD) }
    }

    /// `open(2)`'s O_TMPFILE (Linux): an unnamed regular file in the folder given.
    static let oTemporaryFile: Int32 = 0o20000000 | O_DIRECTORY

    /// Writes every byte, retrying interrupted writes; the error, or nil.
    private static func writeAll(_ data: Data, to fd: Int32) -> String? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return lastError()
                }
                offset += n
            }
            return nil
        }
    }

    /// Writes into an existing device, FIFO or socket as a shell redirection would (a FIFO waits
    /// for its reader). Such a file is never replaced: `-o /dev/null` must stay the null device.
    private static func writeInPlace(_ data: Data, to target: String, shownAs path: String) throws {
        let fd = open(target, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ExportError.cannotWrite(path, reason: lastError()) }
        var failure = writeAll(data, to: fd)
        if close(fd) != 0, failure == nil { failure = lastError() }
        if let failure { throw ExportError.cannotWrite(path, reason: failure) }
    }

    /// The file `path` finally names, following symbolic links (also dangling ones, whose
    /// target is then created).
    static func resolveLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var st = stat()
            guard lstat(current, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buf, buf.count - 1)
            guard n >= 0 else { throw ExportError.cannotWrite(path, reason: lastError()) }
            let dest = String(decoding: buf[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = dest.hasPrefix("/") ? dest : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(dest)
        }
        throw ExportError.cannotWrite(path, reason: "too many levels of symbolic links")
    }

    /// Removes `.NAME.kg-tmp-PID` files in `dir` whose process no longer runs.
    static func removeStaleTemporaries(of name: String, in dir: String) {
        let prefix = ".\(name).kg-tmp-"
        guard let items = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for item in items where item.hasPrefix(prefix) {
            guard let pid = pid_t(item.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink((dir as NSString).appendingPathComponent(item)) }
        }
    }

    /// The process's umask, read from /proc (setting it to read it would race with other threads).
    static func currentUmask() -> mode_t {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let mask = mode_t(line.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8) {
            return mask
        }
        let mask = umask(0)
        umask(mask)
        return mask
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
