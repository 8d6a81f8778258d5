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

private final class Watch: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0, storedCount = 0
    private(set) var maxAhead = 0
    func extracted(_ n: Int) { lock.lock(); done = max(done, n); maxAhead = max(maxAhead, done - storedCount); lock.unlock() }
    func stored() { lock.lock(); storedCount += 1; lock.unlock() }
}
