import Foundation

/// What can go wrong reading an article. A build skips the file and goes on (or stops, with `--strict`).
public enum IngestError: LocalizedError, Equatable {
    /// The path does not exist (or vanished before it was read).
    case notFound(String)
    /// The file could not be read (permissions, I/O); the reason is the system's, in words.
    case unreadable(String, reason: String)
    /// The path is not a regular file: a folder, a FIFO, a socket or a device (named).
    case notAFile(String, kind: String)
    /// The file holds binary data (a NUL byte), not text.
    case notText(String)
    /// The file is not valid UTF-8; the offset of the first invalid byte.
    case notUTF8(String, offset: Int)
    /// The file is empty (0 bytes).
    case emptyFile(String)
    /// The file holds no article text once page chrome is removed.
    case empty(String)
    /// The file is larger than the per-article limit (bytes, limit).
    case tooLarge(String, bytes: Int, limit: Int)
    /// The file changed (size or modification time) while it was read, twice in a row.
    case changedWhileReading(String)
    /// A folder or argument yielded no `.txt` files.
    case noInputs(String)
    /// A sub-folder could not be listed; its files were not built.
    case unreadableFolder(String, reason: String)
    /// Two inputs of one build have the same file name (a document's id).
    case duplicateName(String, String)
    /// The document could not be stored; nothing of it was written.
    case storeFailed(String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .notFound(let p): return "\(p): no such file or folder"
        case .unreadable(let p, let reason): return "\(p): cannot be read (\(reason))"
        case .notAFile(let p, let kind): return "\(p): \(kind), not a regular file"
        case .notText(let p): return "\(p): not UTF-8 text (binary data)"
        case .notUTF8(let p, let offset): return "\(p): not UTF-8 text (invalid byte at offset \(offset))"
        case .emptyFile(let p): return "\(p): empty file"
        case .empty(let p): return "\(p): no article text (only page chrome)"
        case .tooLarge(let p, let bytes, let limit):
            // in bytes when megabytes would show two equal figures ("2.0 MB is over ... 2.0 MB")
            let (size, cap) = Self.megabytes(bytes) == Self.megabytes(limit) ? ("\(bytes) bytes", "\(limit) bytes")
                : (Self.megabytes(bytes), Self.megabytes(limit))
            return "\(p): \(size) is over the per-article limit of \(cap) (--max-article-size)"
        case .changedWhileReading(let p): return "\(p): the file kept changing while it was read (three reads differed); not built"
        case .noInputs(let p): return "\(p): no .txt files found"
        case .unreadableFolder(let p, let reason): return "\(p): folder cannot be listed (\(reason)); its files were not built"
        case .duplicateName(let a, let b): return "\(b): same file name as \(a); a document's id is its file name"
        case .storeFailed(let p, let reason): return "\(p): not stored (\(reason)); nothing of it was written"
        }
    }

    static func megabytes(_ n: Int) -> String {
        n >= 1 << 20 ? String(format: "%.1f MB", Double(n) / Double(1 << 20)) : String(format: "%.0f kB", Double(n) / 1024)
    }
}
