import Foundation

/// Reads article files, annotates and extracts them, and stores the results, as a pipeline
/// with bounded memory: files go through in chunks (a few MB); while the store writes one
/// chunk (one transaction, a savepoint per document), the annotator workers extract the next.
/// At most two chunks are held at once, never the corpus.
///
/// A bad file (missing, unreadable, not a regular file, empty, binary, not UTF-8, over the size
/// limit, changed while read, only page chrome) is skipped with a ``Builder/Event/skipped(_:)``
/// naming it and why, and the rest is built; with `strict`, the build stops at the first.
public struct Builder: Sendable {
    public let extractor: Extractor
    public let annotator: any Annotator

    public init(extractor: Extractor = .standard, annotator: any Annotator = SpacyAnnotator.shared) {
        self.extractor = extractor
        self.annotator = annotator
    }

    /// How a build runs.
    public struct Options: Sendable {
        /// Stop at the first bad file (after storing the files before it).
        public var strict = false
        /// The per-article size limit in bytes.
        public var maxArticleBytes = DocumentReader.maxArticleBytes
        /// A chunk ends after this many bytes of input, or ``chunkFiles`` files.
        public var chunkBytes = 4 << 20
        public var chunkFiles = 64
        /// Threads that read, clean, annotate and extract a chunk's files: two per core, so
        /// that while one thread cleans or extracts (Swift), another keeps its core's spaCy
        /// worker busy (a thread waits while its text is annotated).
        public var threads = 2 * ProcessInfo.processInfo.activeProcessorCount
        public init(strict: Bool = false, maxArticleBytes: Int = DocumentReader.maxArticleBytes) {
            self.strict = strict
            self.maxArticleBytes = maxArticleBytes
        }
    }

    /// One line of a build report.
    public struct FileReport: Sendable {
        public var documentID: String
        public var path: String
        public var outcome: GraphStore.IngestOutcome
        public var entities: Int
        public var relations: Int
        public var dropped: Int
        /// Bytes of the file as read (UTF-8).
        public var bytes: Int
    }

    /// How far a build is: files and bytes done (read and extracted) of the total.
    public struct Progress: Sendable {
        public var files: Int
        public var totalFiles: Int
        public var bytes: Int
        public var totalBytes: Int
        /// Seconds since the build started.
        public var elapsed: Double
    }

    /// What a build reports while it runs, in input order for files.
    public enum Event: Sendable {
        /// A document was stored (or found already stored).
        case stored(FileReport)
        /// A file or folder was skipped, and why.
        case skipped(IngestError)
        /// Files read and extracted so far (from worker threads, often).
        case progress(Progress)
    }

    /// What a whole build did.
    public struct Summary: Sendable {
        public var files: [FileReport] = []
        public var skipped: [IngestError] = []
        /// Bytes of the files read: stored, replaced or already stored. Skipped files do not count.
        public var bytes: Int { files.reduce(0) { $0 + $1.bytes } }
        public var elapsed = 0.0
        /// Documents added or replaced.
        public var built: Int { files.filter { $0.outcome == .added || $0.outcome == .replaced }.count }
        /// Documents whose content was already stored.
        public var unchanged: Int { files.count - built }
    }

    /// The build stopped at a bad file (`strict`).
    public struct StrictStop: LocalizedError {
        public var problem: IngestError
        public var summary: Summary
        public var errorDescription: String? { (problem.errorDescription ?? "") + " (--strict: the build stopped here)" }
    }

    /// Builds `paths` (files, or folders searched recursively for .txt) into `store`.
    /// - Throws: ``StoreError`` when the store cannot be written (the current chunk is rolled
    ///   back; earlier chunks stay), ``AnnotationError`` when the annotator cannot run,
    ///   ``StrictStop`` with `strict`.
    /// - Complexity: O(size of the corpus) time; memory O(two chunks).
    public func build(_ paths: [String], into store: GraphStore, options: Options = Options(),
                      onEvent: @escaping @Sendable (Event) -> Void = { _ in }) throws -> Summary {
        let started = DispatchTime.now().uptimeNanoseconds
        let seconds = { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }
        let (listed, listingProblems) = DocumentReader.collect(paths)
        let state = PipelineState()
        for p in listingProblems {
            state.skip(p, onEvent)
            if options.strict { throw StrictStop(problem: p, summary: state.summary) }
        }
        // a document's id is its file name: a second file of the same name is skipped
        var seen: [String: String] = [:]
        var inputs: [DocumentReader.Input] = []
        for input in listed {
            let name = input.url.lastPathComponent, full = input.url.standardizedFileURL.path
            if let other = seen[name] {
                if other != full {
                    let p = IngestError.duplicateName(other, input.url.path)
                    state.skip(p, onEvent)
                    if options.strict { throw StrictStop(problem: p, summary: state.summary) }
                }
                continue
            }
            seen[name] = full
            inputs.append(input)
        }
        let totalBytes = inputs.reduce(0) { $0 + $1.bytes }
        let counter = ProgressCounter(totalFiles: inputs.count, totalBytes: totalBytes, started: started)

        let writer = DispatchQueue(label: "kg.build.writer")
        let inFlight = DispatchSemaphore(value: 2)
        var start = 0
        while start < inputs.count, !state.stopped {
            var end = start, bytes = 0
            while end < inputs.count && end - start < options.chunkFiles && (bytes < options.chunkBytes || end == start) {
                bytes += inputs[end].bytes
                end += 1
            }
            let chunk = Array(inputs[start..<end])
            start = end
            inFlight.wait()
            if state.stopped { inFlight.signal(); break }
            let results = extractChunk(chunk, store: store, options: options, counter: counter, onEvent: onEvent)
            writer.async {
                defer { inFlight.signal() }
                state.store(results, into: store, strict: options.strict, onEvent: onEvent)
            }
        }
        writer.sync {}
        var summary = state.summary
        summary.elapsed = seconds()
        if let failure = state.failure {
            if let stop = failure as? StrictStop { throw StrictStop(problem: stop.problem, summary: summary) }
            throw failure
        }
        return summary
    }

    /// Reads and extracts one chunk on every core, keeping input order.
    private func extractChunk(_ chunk: [DocumentReader.Input], store: GraphStore, options: Options, counter: ProgressCounter,
                              onEvent: @escaping @Sendable (Event) -> Void) -> [Result<ExtractionResult, Error>] {
        let box = ResultBox(count: chunk.count)
        concurrentForEach(chunk.count, threads: options.threads) { i in
            let url = chunk[i].url
            let result: Result<ExtractionResult, Error> = Result {
                let text = try DocumentReader.read(url, maxBytes: options.maxArticleBytes)
                // content already stored: reported as such without annotating it (a re-run starts no spaCy worker)
                if let stored = try? store.documentID(withText: text) {
                    throw AlreadyStored(documentID: url.lastPathComponent, path: url.path, storedAs: stored, bytes: text.utf8.count)
                }
                do {
                    var r = try extractor.extract(documentID: url.lastPathComponent, path: url.path, text: text, annotator: annotator)
                    r.dateFromFile(url)
                    if r.sentenceCount == 0 { throw IngestError.empty(url.path) }
                    return r
                } catch AnnotationError.requestFailed(let why) {
                    // the worker refused this text (and stays usable): the file is skipped
                    throw IngestError.unreadable(url.path, reason: "the NLP pipeline failed on it: \(why)")
                }
            }
            box.set(i, result)
            onEvent(.progress(counter.advance(bytes: chunk[i].bytes)))
        }
        return box.values
    }

    /// Reads and extracts inputs (all cores), failing on the first bad one; nothing is stored.
    /// For benchmarks and tests that hold a small corpus.
    public func extractAll(_ texts: [(URL, String)]) throws -> [ExtractionResult] {
        let box = ResultBox(count: texts.count)
        DispatchQueue.concurrentPerform(iterations: texts.count) { i in
            let (url, text) = texts[i]
            box.set(i, Result { try extractor.extract(documentID: url.lastPathComponent, path: url.path, text: text, annotator: annotator) })
        }
        return try box.values.map { try $0.get() }
    }
}

/// Runs `body(i)` for every `i` in `0..<count` on `threads` threads, each taking the next
/// index; returns when all are done. Unlike `DispatchQueue.concurrentPerform`, which runs as
/// many iterations at once as there are cores, it keeps more threads than cores, for bodies that
/// wait on another process for part of their time.
private func concurrentForEach(_ count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let width = min(count, max(1, threads))
    guard width > 1 else { for i in 0..<count { body(i) }; return }
    let next = IndexCounter()
    let group = DispatchGroup()
    for _ in 0..<width {
        group.enter()
        let thread = Thread {
            while let i = next.take(below: count) { body(i) }
            group.leave()
        }
        thread.stackSize = 8 << 20 // as a main thread's: extraction recurses over parse trees
        thread.start()
    }
    group.wait()
}

private final class IndexCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take(below end: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < end else { return nil }
        value += 1
        return value - 1
    }
}

/// A file whose content is already stored (found before annotating it).
private struct AlreadyStored: Error {
    var documentID: String, path: String, storedAs: String, bytes: Int
}

/// The writer's side of a build: the summary so far and the first fatal failure.
private final class PipelineState: @unchecked Sendable {
    private let lock = NSLock()
    private var _summary = Builder.Summary()
    private var _failure: Error?

    var summary: Builder.Summary { lock.lock(); defer { lock.unlock() }; return _summary }
    var failure: Error? { lock.lock(); defer { lock.unlock() }; return _failure }
    var stopped: Bool { failure != nil }

    func skip(_ p: IngestError, _ onEvent: (Builder.Event) -> Void) {
        lock.lock(); _summary.skipped.append(p); lock.unlock()
        onEvent(.skipped(p))
    }

    private func fail(_ e: Error) { lock.lock(); if _failure == nil { _failure = e }; lock.unlock() }

    /// Stores a chunk's documents in one transaction, reporting each file in order.
    func store(_ results: [Result<ExtractionResult, Error>], into store: GraphStore, strict: Bool,
               onEvent: (Builder.Event) -> Void) {
        guard !stopped else { return }
        // fatal annotator failures stop the build; a bad file is skipped
        var good: [ExtractionResult] = []
        var order: [Either] = []
        for r in results {
            switch r {
            case .success(let x):
                order.append(.good(good.count)); good.append(x)
            case .failure(let e as IngestError):
                order.append(.bad(e))
            case .failure(let e as AlreadyStored):
                order.append(.stored(e))
            case .failure(let e):
                fail(e); return
            }
        }
        if strict, let firstBad = order.firstIndex(where: { if case .bad = $0 { return true } else { return false } }) {
            // store what comes before the first bad file, then stop
            let keep = order[..<firstBad].filter { if case .good = $0 { return true } else { return false } }.count
            good = Array(good.prefix(keep))
            order = Array(order.prefix(firstBad + 1))
        }
        var outcomes: [Result<GraphStore.IngestOutcome, Error>] = []
        do { if !good.isEmpty { outcomes = try store.ingest(batch: good) } } catch {
            fail(error); return
        }
        for o in order {
            switch o {
            case .good(let i):
                let r = good[i]
                switch outcomes[i] {
                case .success(let outcome):
                    let report = Builder.FileReport(documentID: r.document.id, path: r.document.path, outcome: outcome,
                                                    entities: r.entities.count, relations: r.relations.count, dropped: r.dropped.count,
                                                    bytes: r.text.utf8.count)
                    lock.lock(); _summary.files.append(report); lock.unlock()
                    onEvent(.stored(report))
                case .failure(let e):
                    let p = IngestError.storeFailed(r.document.path, reason: GraphStore.describe(e))
                    skip(p, onEvent)
                    if strict { fail(Builder.StrictStop(problem: p, summary: summary)); return }
                }
            case .stored(let e):
                let report = Builder.FileReport(documentID: e.documentID, path: e.path, outcome: .skipped(duplicateOf: e.storedAs),
                                                entities: 0, relations: 0, dropped: 0, bytes: e.bytes)
                lock.lock(); _summary.files.append(report); lock.unlock()
                onEvent(.stored(report))
            case .bad(let p):
                skip(p, onEvent)
                if strict { fail(Builder.StrictStop(problem: p, summary: summary)); return }
            }
        }
    }

    private enum Either { case good(Int), stored(AlreadyStored), bad(IngestError) }
}

/// Files and bytes extracted so far, shared by the worker threads.
private final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var files = 0, bytes = 0
    let totalFiles: Int, totalBytes: Int, started: UInt64
    init(totalFiles: Int, totalBytes: Int, started: UInt64) {
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
        self.started = started
    }
    func advance(bytes b: Int) -> Builder.Progress {
        lock.lock(); defer { lock.unlock() }
        files += 1
        bytes += b
        return Builder.Progress(files: files, totalFiles: totalFiles, bytes: bytes, totalBytes: totalBytes,
                                elapsed: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }
}

private final class ResultBox: @unchecked Sendable {
    private var items: [Result<ExtractionResult, Error>?]
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<ExtractionResult, Error>) { lock.lock(); items[i] = r; lock.unlock() }
    var values: [Result<ExtractionResult, Error>] { lock.lock(); defer { lock.unlock() }; return items.map { $0! } }
}
