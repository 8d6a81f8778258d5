import Foundation

/// What can go wrong drawing a diagram.
public enum RenderError: LocalizedError, Equatable {
    /// The layout engine is not one Graphviz has; the valid ones follow.
    case unknownLayout(String, valid: [String])
    /// The output format is not one Graphviz can write; the valid ones follow.
    case unknownFormat(String, valid: [String])
    /// Graphviz failed to lay out the graph; its messages follow.
    case layoutFailed(String, messages: String)
    /// The layout ran past the time limit (seconds) and was stopped; the graph had this many nodes.
    case layoutTimedOut(String, seconds: Double, nodes: Int)
    /// Graphviz failed to render the graph; its messages follow.
    case renderFailed(String, messages: String)
    /// A Graphviz object could not be created.
    case graphviz(String)
    /// A file of the HTML viewer (its script or style) is not installed with kg.
    case viewerResourceMissing(String)
    /// The graph has nothing to draw.
    case emptyGraph

    public var errorDescription: String? {
        switch self {
        case .unknownLayout(let l, let valid):
            return "unknown layout '\(l)'; valid layouts: \(valid.joined(separator: ", "))"
        case .unknownFormat(let f, let valid):
            return "unknown format '\(f)'; valid formats: \(valid.joined(separator: ", "))"
        case .layoutFailed(let l, let m):
            return "Graphviz could not lay out the graph with '\(l)'" + (m.isEmpty ? "" : ": \(m)")
        case .layoutTimedOut(let l, let seconds, let nodes):
            return "layout '\(l)' of \(nodes) nodes ran past the time limit of \(String(format: "%g", seconds)) s and was stopped; draw fewer entities (--top, --min-sources, --family, --type, --focus), or choose sfdp"
        case .renderFailed(let f, let m):
            return "Graphviz could not render '\(f)'" + (m.isEmpty ? "" : ": \(m)")
        case .graphviz(let what):
            return "Graphviz error: \(what)"
        case .viewerResourceMissing(let name):
            return "the viewer's \(name) is missing from kg's resources; reinstall kg"
        case .emptyGraph:
            return "the graph has no entities to draw"
        }
    }
}
