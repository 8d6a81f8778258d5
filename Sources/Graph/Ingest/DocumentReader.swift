import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds article files and reads them as text.
public enum DocumentReader {
    /// The largest article kg reads, in bytes (news articles are 2-50 kB). A larger file is
    /// refused with ``IngestError/tooLarge(_:bytes:limit:)``; builds can raise it.
    public static let maxArticleBytes = 2 << 20

    /// A file found for a build, with its size when listed.
    public struct Input: Sendable {
        public var url: URL
        public var bytes: Int
    }

    /// The `.txt` files named by `paths`, in a stable (sorted) order, and the paths or folders
    /// that yielded nothing or could not be listed. Files named explicitly are taken whatever
    /// their extension; folders are searched recursively (symbolic links to folders are followed
    /// once).
    public static func collect(_ paths: [String]) -> (inputs: [Input], problems: [IngestError]) {
        var inputs: [Input] = []
        var problems: [IngestError] = []
        for path in paths {
            var st = stat()
            guard stat(path, &st) == 0 else {
                problems.append(errno == ENOENT ? .notFound(path) : .unreadable(path, reason: String(cString: strerror(errno))))
                continue
            }
            if st.st_mode & S_IFMT == S_IFDIR {
                var found: [Input] = []
                var visited: Set<[UInt64]> = []
                walk(path, &found, &problems, &visited)
                if found.isEmpty && !problems.contains(where: { if case .unreadableFolder = $0 { return true } else { return false } }) {
                    problems.append(.noInputs(path))
                }
                inputs += found.sorted { $0.url.path < $1.url.path }
            } else {
                inputs.append(Input(url: URL(fileURLWithPath: path), bytes: Int(st.st_size)))
            }
        }
        return (inputs, problems)
    }

    private static func walk(_ dir: String, _ found: inout [Input], _ problems: inout [IngestError], _ visited: inout Set<[UInt64]>) {
        var st = stat()
        guard stat(dir, &st) == 0, visited.insert([UInt64(st.st_dev), UInt64(st.st_ino)]).inserted else { return }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: dir) } catch {
            problems.append(.unreadableFolder(dir, reason: access(dir, R_OK | X_OK) == 0 ? "cannot list it" : "permission denied"))
            return
        }
        for name in names.sorted() {
            let path = (dir as NSString).appendingPathComponent(name)
            var s = stat()
            guard stat(path, &s) == 0 else {
                // a dangling link, or a file gone since the listing
                if name.lowercased().hasSuffix(".txt") { problems.append(.notFound(path)) }
                continue
            }
            if s.st_mode & S_IFMT == S_IFDIR {
                walk(path, &found, &problems, &visited)
            } else if name.lowercased().hasSuffix(".txt") {
                found.append(Input(url: URL(fileURLWithPath: path), bytes: Int(s.st_size)))
            }
        }
    }

    /// The `.txt` files named by `paths`; fails on the first path that yields nothing.
    public static func collectFiles(_ paths: [String]) throws -> [URL] {
        let (inputs, problems) = collect(paths)
        if let first = problems.first { throw first }
        return inputs.map(\.url)
    }

    /// The file's text, checked: a regular file, not empty, at most `maxBytes`, UTF-8 without NUL
    /// bytes, unchanged while read: two reads in a row must give the same bytes, with the same
    /// size, modification time and inode before and after each (a rewrite in place within one
    /// tick of the file system's clock keeps size and time, so the bytes are compared too). A
    /// third read is allowed when the file changed once.
    /// - Throws: ``IngestError`` naming the file and the problem.
    public static func read(_ url: URL, maxBytes: Int = maxArticleBytes) throws -> String {
        try read(url, maxBytes: maxBytes, afterRead: nil)
    }

    /// `afterRead` runs between reading and the second look at the file (tests change the file there).
    static func read(_ url: URL, maxBytes: Int, afterRead: ((Int) -> Void)?) throws -> String {
        let path = url.path
        var previous: (Data, Signature)?
        for attempt in 0..<3 {
            let (data, before) = try readOnce(path, maxBytes: maxBytes)
            afterRead?(attempt)
            var after = stat()
            guard stat(path, &after) == 0 else { throw errno == ENOENT ? IngestError.notFound(path) : systemError(path) }
            let steady = Signature(after) == before && data.count == before.size
            if steady, let (earlier, signature) = previous, signature == before, earlier == data {
                return try decode(data, path: path)
            }
            previous = steady ? (data, before) : nil
        }
        throw IngestError.changedWhileReading(path)
    }

    struct Signature: Equatable {
        var size: Int, seconds: Int, nanoseconds: Int, inode: UInt64
        init(_ s: stat) {
            size = Int(s.st_size)
            #if canImport(Darwin)
            seconds = Int(s.st_mtimespec.tv_sec); nanoseconds = Int(s.st_mtimespec.tv_nsec)
            #else
            seconds = Int(s.st_mtim.tv_sec); nanoseconds = Int(s.st_mtim.tv_nsec)
            #endif
            inode = UInt64(s.st_ino)
        }
    }

    private static func readOnce(_ path: String, maxBytes: Int) throws -> (Data, Signature) {
        var st = stat()
        guard stat(path, &st) == 0 else { throw errno == ENOENT ? IngestError.notFound(path) : systemError(path) }
        try checkKind(st, path)
        // O_NONBLOCK: should the path become a FIFO between stat and open, open must not hang
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw errno == ENOENT ? IngestError.notFound(path) : systemError(path) }
        defer { close(fd) }
        var fst = stat()
        guard fstat(fd, &fst) == 0 else { throw systemError(path) }
        try checkKind(fst, path)
        let size = Int(fst.st_size)
        if size == 0 { throw IngestError.emptyFile(path) }
        if size > maxBytes { throw IngestError.tooLarge(path, bytes: size, limit: maxBytes) }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var got = 0
        while got < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + got, $0.count - got) }
            if n < 0 {
                if errno == EINTR { continue }
                throw systemError(path)
            }
            if n == 0 { break }
            got += n
        }
        return (Data(bytes[..<got]), Signature(fst))
    }

    private static func checkKind(_ st: stat, _ path: String) throws {
        switch st.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw IngestError.notAFile(path, kind: "a folder")
        case S_IFIFO: throw IngestError.notAFile(path, kind: "a FIFO (named pipe)")
        case S_IFSOCK: throw IngestError.notAFile(path, kind: "a socket")
        case S_IFCHR, S_IFBLK: throw IngestError.notAFile(path, kind: "a device")
        default: throw IngestError.notAFile(path, kind: "a special file")
        }
    }

    private static func systemError(_ path: String) -> IngestError {
        let e = errno
        return .unreadable(path, reason: e == EACCES ? "permission denied" : String(cString: strerror(e)))
    }

    private static func decode(_ data: Data, path: String) throws -> String {
        if data.contains(0) { throw IngestError.notText(path) }
        if let bad = firstInvalidUTF8(data) { throw IngestError.notUTF8(path, offset: bad) }
        // a byte-order mark is no text: it becomes a space, one scalar for one, so offsets in the file stay
        // (Foundation's decoder drops it, which would shift every offset by one; kept, it sticks to the title
        // and to the first word)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return " " + String(decoding: data.dropFirst(3), as: UTF8.self) }
        return String(decoding: data, as: UTF8.self)
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ data: Data) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var it = data.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &it) {
            case .valid(let s): offset += s.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// A content hash for de-duplication: FNV-1a over the UTF-8 bytes, with the length.
    /// The store confirms a hash hit by comparing the stored text.
    public static func contentHash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var n = 0
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
            n += 1
        }
        return String(format: "%016llx-%d", h, n)
    }
}
