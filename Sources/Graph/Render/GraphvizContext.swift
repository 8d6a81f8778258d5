import CGraphviz
import Foundation

/// The process's one Graphviz context, and the lock in front of every call into
/// Graphviz (libgvc is not thread-safe; several contexts in several threads crash it).
final class GraphvizContext: @unchecked Sendable {
    static let shared = GraphvizContext()

    let gvc: OpaquePointer
    private let lock = NSLock()

    private init() {
        guard let c = gvContext() else { fatalError("Graphviz: gvContext() returned NULL") }
        gvc = c
        _ = agseterrf(graphvizCaptureMessage)
    }

    /// Runs `body` holding the Graphviz lock, with the message buffer cleared first;
    /// `messages()` inside `body` returns what Graphviz reported since.
    func run<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        graphvizMessages.removeAll()
        _ = agreseterrors()
        return try body(gvc)
    }

    /// Graphviz's messages since `run` began, joined (they arrive in pieces).
    func messages() -> String {
        graphvizMessages.joined().trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\n", with: "; ")
    }

    /// Whether Graphviz reported anything since `run` began (caller holds the lock).
    static func hasMessages() -> Bool { !graphvizMessages.isEmpty }

    /// Names of installed plugins of a kind ("layout", "device"), without ":package" suffixes.
    func plugins(_ kind: String) -> [String] {
        var count: Int32 = 0
        guard let list = gvPluginList(gvc, kind, &count, nil) else { return [] }
        defer { free(list) }
        var out: [String] = []
        for i in 0..<Int(count) {
            if let p = list[i] {
                out.append(String(String(cString: p).split(separator: ":").first ?? ""))
                free(p)
            }
        }
        return Array(Set(out)).sorted()
    }
}

/// Messages Graphviz reported through agseterrf; only touched under the context's lock.
nonisolated(unsafe) private var graphvizMessages: [String] = []

private let graphvizCaptureMessage: agusererrf = { message in
    if let message { graphvizMessages.append(String(cString: message)) }
    return 0
}
