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
}
