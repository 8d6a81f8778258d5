import Foundation
import Testing
@testable import Graph

/// A build streams: it never holds more than two chunks of files between reading and storing.
@Suite struct StreamingBuildTests {
    @Test func aBuildHoldsAtMostTwoChunksAtOnce() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let names = ["Japan", "Peru", "Chile", "Kenya", "Norway", "Canada", "Egypt"]
        for i in 0..<24 {
            try "\(names[i % 7]) praised \(names[(i + 3) % 7]) in talks number \(i).".write(
                to: corpus.appendingPathComponent(String(format: "doc%02d.txt", i)), atomically: true, encoding: .utf8)
        }
        let store = try GraphStore(path: dir.appendingPathComponent("kg.sqlite").path)
        var options = Builder.Options()
        options.chunkFiles = 3
        let watch = Watch()
        let summary = try Builder().build([corpus.path], into: store, options: options) { event in
            switch event {
            case .progress(let p): watch.extracted(p.files)
            case .stored: watch.stored()
            case .skipped: break
            }
        }
        #expect(summary.built == 24 && summary.skipped.isEmpty)
        // read and extracted but not yet stored: at most two chunks
        #expect(watch.maxAhead <= 2 * options.chunkFiles)
        #expect(watch.maxAhead >= 1)
        // stored in input order
        #expect(summary.files.map(\.documentID) == (0..<24).map { String(format: "doc%02d.txt", $0) })
    }
}

/// Counts the texts sent to the NLP pipeline.
private final class CountingAnnotator: Annotator, @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var texts: Int { lock.lock(); defer { lock.unlock() }; return count }
    func annotate(_ texts: [String]) throws -> [AnnotatedText] {
        lock.lock(); count += texts.count; lock.unlock()
        return try SpacyAnnotator.shared.annotate(texts)
    }
}

extension StreamingBuildTests {
    @Test func aRebuildAnnotatesOnlyWhatIsNotStoredYet() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for (i, pair) in [("Japan", "Peru"), ("Chile", "Kenya"), ("Norway", "Canada")].enumerated() {
            try "\(pair.0) praised \(pair.1) in talks.".write(to: corpus.appendingPathComponent("doc\(i).txt"), atomically: true, encoding: .utf8)
        }
        let store = try GraphStore(path: dir.appendingPathComponent("kg.sqlite").path)
        let first = CountingAnnotator()
        #expect(try Builder(annotator: first).build([corpus.path], into: store).built == 3)
        #expect(first.texts > 0)
        let before = try store.db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM relation") }

        let again = CountingAnnotator()
        let summary = try Builder(annotator: again).build([corpus.path], into: store)
        #expect(again.texts == 0, "stored content is not annotated again")
        #expect(summary.built == 0 && summary.unchanged == 3)
        #expect(summary.files.allSatisfy { $0.outcome == .skipped(duplicateOf: $0.documentID) })
        #expect(try store.db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM relation") } == before)

        // one file edited: only it is annotated, and it replaces its old version
        try "Egypt praised Peru in talks.".write(to: corpus.appendingPathComponent("doc1.txt"), atomically: true, encoding: .utf8)
        let edited = CountingAnnotator()
        let third = try Builder(annotator: edited).build([corpus.path], into: store)
        #expect(third.built == 1 && third.files.filter { $0.outcome == .replaced }.map(\.documentID) == ["doc1.txt"])
        #expect(edited.texts > 0 && edited.texts <= first.texts)
    }
}

private final class Watch: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0, storedCount = 0
    private(set) var maxAhead = 0
    func extracted(_ n: Int) { lock.lock(); done = max(done, n); maxAhead = max(maxAhead, done - storedCount); lock.unlock() }
    func stored() { lock.lock(); storedCount += 1; lock.unlock() }
}
