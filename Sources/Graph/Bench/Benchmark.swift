import Foundation

/// `kg bench`: timings printed as ratios against a baseline measured in the same run,
/// so that they mean the same on any machine.
///
/// - extraction against its floor (reading the body: page cleaning and sentence splitting);
/// - storing a document against extracting it;
/// - an indexed `neighbors` query against the baseline of loading the whole graph and scanning it;
/// - rendering the graph against exporting it as JSON.
public enum Benchmark {
    public struct Report: Sendable {
        public var text: String
    }

    public static func run(paths: [String], repeats: Int, copies: Int = 4) throws -> Report {
        let files = try DocumentReader.collectFiles(paths)
        var texts: [(URL, String)] = []
        for f in files {
            let t = try DocumentReader.read(f)
            // copies differ by trailing spaces, so the store takes every one (no duplicate is skipped)
            for c in 0..<copies {
                texts.append((URL(fileURLWithPath: "\(c)-\(f.lastPathComponent)"), t + "\n" + String(repeating: " ", count: c)))
            }
        }
        let chars = texts.reduce(0) { $0 + $1.1.unicodeScalars.count }
        let extractor = Extractor.standard
        var lines: [String] = []
        lines.append("corpus: \(files.count) files x \(copies) copies = \(texts.count) documents, \(chars) characters; best of \(repeats)")

        let read = best(repeats) { for (_, t) in texts { _ = SourceText(t).lineRanges() } }
        let clean = best(repeats) { for (_, t) in texts { _ = extractor.cleaner.clean(SourceText(t)) } }
        lines.append(row("page cleaning", clean, read, "scalar view + line split"))
        let floor = best(repeats) { for (_, t) in texts { _ = extractor.sentences(of: t) } }
        lines.append(row("page cleaning + sentence split", floor, clean, "page cleaning"))

        // The whole build (annotation by spaCy workers, extraction, storing) against spaCy alone
        // (`nlp.pipe` over the same texts on every core, model loading included in both).
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let spacy = try bestThrowing(repeats) { try spacyAlone(texts.map(\.1), processes: cores) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kg-bench-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var store: GraphStore!
        var results: [ExtractionResult] = []
        var extractAll = 0.0
        let build = try bestThrowing(repeats) {
            try? FileManager.default.removeItem(at: dir)
            let t0 = DispatchTime.now().uptimeNanoseconds
            results = try Builder(extractor: extractor, annotator: SpacyAnnotator(maxWorkers: cores)).extractAll(texts)
            extractAll = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            store = try GraphStore(path: dir.appendingPathComponent("bench.sqlite").path)
            // every row measures real work: each document must be stored, none skipped as a duplicate
            for r in results where try store.ingest(r) != .added { throw BenchError.failed("\(r.document.id) was not stored as new") }
        }
        lines.append(row("spaCy alone (nlp.pipe, \(cores) processes)", spacy, spacy, "spaCy alone"))
        lines.append(row("kg build (\(cores) workers, extract, store)", build, spacy, "spaCy alone",
                         extra: String(format: "%.2f MB/s", Double(chars) / build / 1e6)))

        // extraction on its own, over annotations made once
        let annotator = SpacyAnnotator(maxWorkers: 1)
        let bodies = texts.map { extractor.body(of: $0.1) }
        let annotations = try bodies.map { try annotator.annotate($0.sentences.map(\.text)) }
        let extract = best(repeats) {
            for (i, (u, _)) in texts.enumerated() {
                _ = extractor.extract(documentID: u.lastPathComponent, path: u.path, body: bodies[i], annotations: annotations[i])
            }
        }
        lines.append(row("extract, annotations given (serial)", extract, floor, "page cleaning + sentence split",
                         extra: String(format: "%.2f MB/s", Double(chars) / extract / 1e6)))
        let ingest = try bestThrowing(repeats) {
            try? FileManager.default.removeItem(at: dir)
            store = try GraphStore(path: dir.appendingPathComponent("bench.sqlite").path)
            // every row measures real work: each document must be stored, none skipped as a duplicate
            for r in results where try store.ingest(r) != .added { throw BenchError.failed("\(r.document.id) was not stored as new") }
        }
        lines.append(row("store (1 transaction/doc)", ingest, extractAll, "annotate + extract (all cores)"))

        let snap = try store.snapshot()
        let hub = snap.entities.max { a, b in
            snap.relations.filter { $0.head == a.id || $0.tail == a.id }.count < snap.relations.filter { $0.head == b.id || $0.tail == b.id }.count
        }!
        let indexed = try bestThrowing(repeats * 4) { _ = try store.neighbors(of: hub, depth: 1) }
        let scan = try bestThrowing(repeats * 4) {
            let g = try store.snapshot()
            _ = g.relations.filter { $0.head == hub.id || $0.tail == hub.id }
        }
        lines.append(row("neighbors \(hub.name) (indexed)", indexed, scan, "load whole graph + scan"))

        let json = try bestThrowing(repeats) { _ = try JSONExporter.export(try store.snapshot()) }
        let svg = try bestThrowing(repeats) { _ = try GraphvizRenderer().render(try store.snapshot(), format: "svg", layout: "dot") }
        lines.append(row("render svg (dot, \(snap.entities.count) nodes)", svg, json, "export json"))

        // a graph large enough for indexes to matter: synthetic, deterministic
        let (bigStore, bigDir) = try syntheticStore(entities: 4000, documents: 400, relationsPerDocument: 40)
        defer { try? FileManager.default.removeItem(at: bigDir) }
        let big = try bigStore.snapshot()
        let probe = try bigStore.resolveEntity(big.entities[7].name)
        let bigIndexed = try bestThrowing(repeats) { _ = try bigStore.neighbors(of: probe, depth: 1) }
        let bigScan = try bestThrowing(repeats) {
            let g = try bigStore.snapshot()
            _ = g.relations.filter { $0.head == probe.id || $0.tail == probe.id }
        }
        lines.append("synthetic graph: \(big.entities.count) entities, \(big.relations.count) relations, \(big.documents.count) documents")
        lines.append(row("neighbors (indexed)", bigIndexed, bigScan, "load whole graph + scan"))
        let ego = try bestThrowing(repeats) { _ = try bigStore.egoSnapshot(around: probe, depth: 2) }
        lines.append(row("ego graph, depth 2 (indexed)", ego, bigScan, "load whole graph + scan"))
        let far = try bigStore.resolveEntity(big.entities[big.entities.count - 3].name)
        let path = try bestThrowing(repeats) { _ = try bigStore.path(from: probe, to: far, maxDepth: 6) }
        lines.append(row("path (breadth-first, indexed)", path, bigScan, "load whole graph + scan"))

        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        lines.append(String(format: "peak memory: %.1f MB resident", Double(usage.ru_maxrss) / 1024))
        return Report(text: lines.joined(separator: "\n"))
    }

    /// Wall time of spaCy's own `nlp.pipe` over `texts` in a fresh interpreter (model loading included),
    /// through the worker script's `--bench` mode.
    static func spacyAlone(_ texts: [String], processes: Int) throws -> Double {
        let (python, script) = try SpacyAnnotator.locate(explicit: nil)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kg-bench-spacy-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for (i, t) in texts.enumerated() {
            let url = dir.appendingPathComponent("\(i).txt")
            try t.write(to: url, atomically: false, encoding: .utf8)
            paths.append(url.path)
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [script, "--bench", "--processes", String(processes)] + paths
        p.standardOutput = FileHandle.nullDevice
        let t0 = DispatchTime.now().uptimeNanoseconds
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw AnnotationError.workerFailed("spaCy's own benchmark exited with status \(p.terminationStatus)") }
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    }

    /// A store of synthetic documents: each states `relationsPerDocument` relations between
    /// entities drawn from a fixed pool by a linear congruential generator (same graph every run).
    static func syntheticStore(entities: Int, documents: Int, relationsPerDocument: Int) throws -> (GraphStore, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kg-bench-synthetic-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: dir)
        let store = try GraphStore(path: dir.appendingPathComponent("synthetic.sqlite").path)
        let types = EntityType.allCases
        let pool = (0..<entities).map { i in
            Entity(id: "synthetic:\(i)", name: "Entity \(i)", type: types[i % types.count])
        }
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for d in 0..<documents {
            let id = "synthetic-\(d).txt"
            let text = "Synthetic document \(d)."
            var rels: [Relation] = []
            var used: Set<Int> = []
            for _ in 0..<relationsPerDocument {
                let a = next(entities), b = next(entities)
                guard a != b else { continue }
                used.formUnion([a, b])
                rels.append(Relation(head: pool[a].id, tail: pool[b].id, family: RelationFamily.allCases[next(14)], confidence: 0.7,
                                     evidence: [Evidence(documentID: id, text: text, start: 0, end: text.count, confidence: 0.7)]))
            }
            let doc = Document(id: id, path: id, contentHash: DocumentReader.contentHash(text))
            _ = try store.ingest(ExtractionResult(document: doc, text: text, entities: used.sorted().map { pool[$0] }, mentions: [],
                                                  relations: rels, dropped: [], sentenceCount: 1))
        }
        return (store, dir)
    }

    private static func row(_ name: String, _ t: Double, _ base: Double, _ baseName: String, extra: String = "") -> String {
        let ratio = t / max(base, 1e-9)
        let shown = ratio >= 0.1 ? String(format: "%7.2fx", ratio) : String(format: "  1/%.0fx", 1 / ratio)
        return "\(name.padding(toLength: 42, withPad: " ", startingAt: 0)) \(String(format: "%9.2f ms", t * 1000))  "
            + shown + "  of \(baseName)" + (extra.isEmpty ? "" : "  (\(extra))")
    }

    private static func best(_ n: Int, _ body: () -> Void) -> Double {
        (0..<n).map { _ in
            let t0 = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        }.min()!
    }

    private static func bestThrowing(_ n: Int, _ body: () throws -> Void) throws -> Double {
        var times: [Double] = []
        for _ in 0..<n {
            let t0 = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        return times.min()!
    }
}
