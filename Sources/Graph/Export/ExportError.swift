import Foundation

/// What can go wrong writing an export.
public enum ExportError: LocalizedError, Equatable {
    /// The output could not be written; nothing was left half-written.
    case cannotWrite(String, reason: String)
    /// The format needs an output path (csv writes a folder).
    case needsOutput(String)

    public var errorDescription: String? {
        switch self {
        case .cannotWrite(let p, let r): return "\(p): cannot write (\(r))"
        case .needsOutput(let f): return "the \(f) export writes a folder: give it with '-o FOLDER'"
        }
    }
}
