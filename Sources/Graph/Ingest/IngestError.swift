import Foundation

/// What can go wrong reading an article.
public enum IngestError: LocalizedError, Equatable {
    /// The path does not exist.
    case notFound(String)
    /// The file could not be read (permissions, I/O).
    case unreadable(String, reason: String)
    /// The file is not UTF-8 text (a binary or another encoding).
    case notText(String)
    /// The file holds no article text once page chrome is removed.
    case empty(String)
    /// A folder or argument yielded no `.txt` files.
    case noInputs(String)
    /// Two inputs of one build have the same file name (a document's id).
    case duplicateName(String, String)
    /// The document could not be stored; nothing of it was written.
    case storeFailed(String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .notFound(let p): return "\(p): no such file or folder"
        case .unreadable(let p, let reason): return "\(p): cannot be read (\(reason))"
        case .notText(let p): return "\(p): not UTF-8 text"
        case .empty(let p): return "\(p): no article text (empty, or only page chrome)"
        case .noInputs(let p): return "\(p): no .txt files found"
        case .duplicateName(let a, let b): return "\(b): same file name as \(a); a document's id is its file name"
        case .storeFailed(let p, let reason): return "\(p): not stored (\(reason)); nothing of it was written"
        }
    }
}
