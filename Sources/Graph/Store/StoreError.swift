import Foundation

/// What can go wrong with the graph store.
public enum StoreError: LocalizedError, Equatable {
    /// The store file cannot be opened or is not a kg store.
    case cannotOpen(String, reason: String)
    /// No entity has this name or alias; the closest names follow.
    case unknownEntity(String, suggestions: [String])
    /// Several entities have this name or alias.
    case ambiguousEntity(String, candidates: [String])
    /// No document has this id.
    case unknownDocument(String, suggestions: [String])
    /// The store holds no documents yet.
    case emptyStore(String)

    public var errorDescription: String? {
        switch self {
        case .cannotOpen(let p, let reason):
            return "\(p): cannot open the store (\(reason))"
        case .unknownEntity(let n, let s):
            return "no entity named '\(n)'" + (s.isEmpty ? "" : "; did you mean: \(s.joined(separator: ", "))?")
        case .ambiguousEntity(let n, let c):
            return "'\(n)' names several entities: \(c.joined(separator: "; ")); name one of them"
        case .unknownDocument(let d, let s):
            return "no document '\(d)'" + (s.isEmpty ? "" : "; did you mean: \(s.joined(separator: ", "))?")
        case .emptyStore(let p):
            return "\(p): the store is empty; run 'kg build PATH...' first"
        }
    }
}
