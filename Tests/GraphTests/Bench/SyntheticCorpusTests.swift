import Foundation
import Testing
@testable import Graph

@Suite struct SyntheticCorpusTests {
    @Test func articlesAreDistinctAndTheSameOnEveryRun() {
        let a = (0..<200).map { SyntheticCorpus.article($0) }
        #expect(Set(a).count == 200)
        #expect(a[17] == SyntheticCorpus.article(17))
        #expect(SyntheticCorpus.article(17, seed: 2) != a[17])
        #expect(a.allSatisfy { $0.utf8.count > 600 && $0.utf8.count < 4000 })
    }

    @Test func aWrittenCorpusBuildsWithNothingSkipped() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let n = try SyntheticCorpus.write(to: dir.appendingPathComponent("c"), bytes: 20_000)
        let store = try GraphStore(path: dir.appendingPathComponent("kg.sqlite").path)
        let summary = try Builder().build([dir.appendingPathComponent("c").path], into: store)
        #expect(summary.built == n && summary.skipped.isEmpty && summary.unchanged == 0)
        #expect(try store.snapshot().relations.count > n)
    }
}
