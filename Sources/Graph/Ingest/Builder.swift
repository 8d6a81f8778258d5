import Foundation

/// Reads article files, extracts them and stores the results.
///
/// Every file is read and checked before anything is written, so a bad input
/// fails the build whole; extraction runs on all cores; each document is
/// stored in its own transaction.
public struct Builder: Sendable {
    public let extractor: Extractor
    public let annotator: any Annotator

    public init(extractor: Extractor = .standard, annotator: any Annotator = SpacyAnnotator.shared) {
        self.extractor = extractor
        self.annotator = annotator
    }

    /// One line of a build report.
    public struct FileReport: Sendable {
        public var documentID: String
        public var path: String
        public var outcome: GraphStore.IngestOutcome
        public var entities: Int
        public var relations: Int
        public var dropped: Int
    }

    /// Builds `paths` (files, or folders searched recursively for .txt) into `store`.
    public func build(_ paths: [String], into store: GraphStore) throws -> [FileReport] {
        try self.store(try prepare(paths), into: store)
    }

    /// Reads and extracts every input, failing on the first bad one before anything is stored.
    public func prepare(_ paths: [String]) throws -> [ExtractionResult] {
        let files = try DocumentReader.collectFiles(paths)
        var seen: [String: String] = [:]
        for f in files {
            if let other = seen[f.lastPathComponent], other != f.standardizedFileURL.path {
                throw IngestError.duplicateName(other, f.path)
            }
            seen[f.lastPathComponent] = f.standardizedFileURL.path
        }
        var texts: [(URL, String)] = []
        for url in files {
            let text = try DocumentReader.read(url)
            texts.append((url, text))
        }
        let results = try extractAll(texts)
        for (i, r) in results.enumerated() where r.sentenceCount == 0 {
            throw IngestError.empty(texts[i].0.path)
        }
        return results
    }

    /// Stores extracted documents, one transaction each.
    public func store(_ results: [ExtractionResult], into store: GraphStore) throws -> [FileReport] {
        try results.map { r in
            let outcome: GraphStore.IngestOutcome
            do { outcome = try store.ingest(r) } catch {
                throw IngestError.storeFailed(r.document.path, reason: error.localizedDescription)
            }
            return FileReport(documentID: r.document.id, path: r.document.path, outcome: outcome,
                              entities: r.entities.count, relations: r.relations.count, dropped: r.dropped.count)
        }
    }

    /// Annotates and extracts documents concurrently (one annotator worker per core; extraction
    /// is pure), keeping input order.
    /// - Throws: the first ``AnnotationError``.
    public func extractAll(_ texts: [(URL, String)]) throws -> [ExtractionResult] {
        let box = ResultBox(count: texts.count)
        DispatchQueue.concurrentPerform(iterations: texts.count) { i in
            let (url, text) = texts[i]
            do {
                box.set(i, try extractor.extract(documentID: url.lastPathComponent, path: url.path, text: text, annotator: annotator))
            } catch {
                box.fail(error)
            }
        }
        return try box.values()
    }
}

private final class ResultBox: @unchecked Sendable {
    private var items: [ExtractionResult?]
    private var error: Error?
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: ExtractionResult) { lock.lock(); items[i] = r; lock.unlock() }
    func fail(_ e: Error) { lock.lock(); if error == nil { error = e }; lock.unlock() }
    func values() throws -> [ExtractionResult] {
        if let error { throw error }
        return items.map { $0! }
    }
}
