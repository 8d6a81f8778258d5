import Foundation

/// The ``Annotator`` backed by spaCy worker processes (`kg_worker.py`), one per core.
///
/// Workers start on demand, the first when the first text arrives, more while all are
/// busy, up to `maxWorkers`; each stays for the life of the annotator. Every call sends one
/// batch (one document's sentences) to one idle worker. A worker that cannot start is an
/// error: there is no fall-back to other extraction.
///
/// The interpreter is `KG_PYTHON` when set, else the first `.venv/bin/python` found in the
/// current folder or a parent, or beside the kg executable or a parent of it.
public final class SpacyAnnotator: Annotator, @unchecked Sendable {
    /// The annotator shared by a process (workers are costly: about 1 s and 150 MB each).
    public static let shared = SpacyAnnotator()

    public let maxWorkers: Int
    private let explicitPython: String?
    private let condition = NSCondition()
    private var idle: [SpacyWorker] = []
    private var running = 0
    private var startFailure: AnnotationError?

    public init(python: String? = nil, maxWorkers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        explicitPython = python
        self.maxWorkers = max(1, maxWorkers)
    }

    public func annotate(_ texts: [String]) throws -> [AnnotatedText] {
        if texts.isEmpty { return [] }
        let worker = try checkOut()
        do {
            let result = try worker.annotate(texts)
            checkIn(worker)
            return result
        } catch let error as AnnotationError {
            if case .requestFailed = error { checkIn(worker) } else { retire() }
            throw error
        }
    }

    /// The versions the workers run: spaCy, the model's package and version.
    public func versions() throws -> (spacy: String, model: String, modelVersion: String) {
        let w = try checkOut()
        defer { checkIn(w) }
        return (w.info.spacy, w.info.model, w.info.model_version)
    }

    private func checkOut() throws -> SpacyWorker {
        condition.lock()
        while true {
            if let failure = startFailure { condition.unlock(); throw failure }
            if let w = idle.popLast() { condition.unlock(); return w }
            if running < maxWorkers { break }
            condition.wait()
        }
        running += 1
        condition.unlock()
        do {
            let (python, script) = try Self.locate(explicit: explicitPython)
            return try SpacyWorker(python: python, script: script)
        } catch {
            let failure = error as? AnnotationError ?? .workerFailed(error.localizedDescription)
            condition.lock()
            running -= 1
            startFailure = failure
            condition.broadcast()
            condition.unlock()
            throw failure
        }
    }

    private func checkIn(_ w: SpacyWorker) {
        condition.lock()
        idle.append(w)
        condition.signal()
        condition.unlock()
    }

    private func retire() {
        condition.lock()
        running -= 1
        condition.signal()
        condition.unlock()
    }

    /// The Python interpreter and the worker script to run.
    static func locate(explicit: String?) throws -> (python: String, script: String) {
        guard let script = Bundle.module.url(forResource: "kg_worker", withExtension: "py")?.path else {
            throw AnnotationError.workerFailed("kg_worker.py is missing from kg's resources")
        }
        let fm = FileManager.default
        if let p = explicit ?? ProcessInfo.processInfo.environment["KG_PYTHON"], !p.isEmpty {
            guard fm.isExecutableFile(atPath: p) else { throw AnnotationError.workerNotInstalled(tried: [p]) }
            return (p, script)
        }
        var tried: [String] = []
        var roots = [URL(fileURLWithPath: fm.currentDirectoryPath)]
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath() { roots.append(exe.deletingLastPathComponent()) }
        roots.append(URL(fileURLWithPath: script).deletingLastPathComponent())
        for root in roots {
            var dir = root.standardizedFileURL
            while true {
                let candidate = dir.appendingPathComponent(".venv/bin/python").path
                if fm.isExecutableFile(atPath: candidate) { return (candidate, script) }
                if !tried.contains(candidate) { tried.append(candidate) }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        throw AnnotationError.workerNotInstalled(tried: ["$KG_PYTHON"] + tried.prefix(3) + (tried.count > 3 ? ["..."] : []))
    }
}
