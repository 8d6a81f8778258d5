import Foundation
import Testing
@testable import Graph

@Suite struct GraphStoreTests {
    func fresh() throws -> (GraphStore, URL) {
        let dir = Paths.temporaryFolder()
        return (try GraphStore(path: dir.appendingPathComponent("kg.sqlite").path), dir)
    }

    func counts(_ g: GraphSnapshot) -> [Int] {
        [g.documents.count, g.entities.count, g.mentions.count, g.relations.count, g.relations.map(\.evidence.count).reduce(0, +)]
    }

    @Test func rebuildingTheSameCorpusChangesNothing() throws {
        let (store, dir) = try fresh()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try Builder().build([Paths.examples.path], into: store)
        #expect(first.files.allSatisfy { $0.outcome == .added } && first.skipped.isEmpty)
        let before = try store.snapshot()
        let second = try Builder().build([Paths.examples.path], into: store)
        #expect(second.files.allSatisfy { if case .skipped = $0.outcome { return true } else { return false } })
        #expect(counts(try store.snapshot()) == counts(before))
    }

    @Test func removeThenRebuildGivesTheSameGraph() throws {
        let (store, dir) = try fresh()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Builder().build([Paths.examples.path], into: store)
        let before = try store.snapshot()
        let victim = before.documents[1].id
        try store.remove(documentID: victim)
        let after = try store.snapshot()
        #expect(!after.mentions.contains { $0.documentID == victim })
        #expect(!after.relations.contains { $0.evidence.contains { $0.documentID == victim } })
        #expect(after.relations.allSatisfy { !$0.evidence.isEmpty })
        _ = try Builder().build([Paths.examples.path], into: store)
        let rebuilt = try store.snapshot()
        #expect(counts(rebuilt) == counts(before))
        #expect(Set(rebuilt.relations.map { "\($0.head)|\($0.family)|\($0.tail)" }) == Set(before.relations.map { "\($0.head)|\($0.family)|\($0.tail)" }))
    }

    @Test func removingAnUnknownDocumentSuggestsTheClosest() throws {
        let (store, dir) = try fresh()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Builder().build([Paths.examples.path], into: store)
        #expect(throws: StoreError.self) { try store.remove(documentID: "03_report_gerasimov") }
        do { try store.remove(documentID: "03_report_gerasimov") } catch {
            #expect(error.localizedDescription.contains("03_report_gerasimov.txt"))
        }
    }

    @Test func evidenceFromSeveralArticlesIsUnited() throws {
        let (store, dir) = try fresh()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try! Extractor.standard.extract(documentID: "a.txt", path: "a.txt", text: "Japan confirmed the presence of North Korean troops.", annotator: annotator)
        let b = try! Extractor.standard.extract(documentID: "b.txt", path: "b.txt", text: "Later, Japan confirmed the presence of North Korean troops again.", annotator: annotator)
        _ = try store.ingest(a)
        _ = try store.ingest(b)
        let rel = try #require(try store.snapshot().relations.first { $0.family == .confirms })
        #expect(Set(rel.evidence.map(\.documentID)) == ["a.txt", "b.txt"])
        #expect(rel.confidence > rel.evidence[0].confidence)
    }

    @Test func aChangedFileReplacesItsOldVersion() throws {
        let (store, dir) = try fresh()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try store.ingest(extract("Japan confirmed the presence of North Korean troops.", id: "a.txt"))
        #expect(try store.ingest(extract("Peru praised Chile.", id: "a.txt")) == .replaced)
        let g = try store.snapshot()
        #expect(Set(g.entities.map(\.name)) == ["Peru", "Chile"])
    }

    @Test func badFilesAreSkippedNamingTheFileAndTheRestIsBuilt() throws {
        let (store, dir) = try fresh()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try "Japan praised Peru.".write(to: corpus.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: corpus.appendingPathComponent("b.txt"))
        try Data().write(to: corpus.appendingPathComponent("c.txt"))
        try Data(Array("Chile praised Peru. Caf".utf8) + [0xE9, 0x20]).write(to: corpus.appendingPathComponent("d.txt"))
        #expect(mkfifo(corpus.appendingPathComponent("e.txt").path, 0o644) == 0)
        try "Peru praised Chile.".write(to: corpus.appendingPathComponent("z.txt"), atomically: true, encoding: .utf8)
        let summary = try Builder().build([corpus.path, corpus.appendingPathComponent("gone.txt").path], into: store)
        #expect(summary.built == 2)
        #expect(Set(try store.documents().map(\.id)) == ["a.txt", "z.txt"])
        let why = summary.skipped.map { $0.errorDescription ?? "" }
        #expect(why.count == 5)
        #expect(why.contains { $0.contains("b.txt") && $0.contains("binary") })
        #expect(why.contains { $0.contains("c.txt") && $0.contains("empty file") })
        #expect(why.contains { $0.contains("d.txt") && $0.contains("invalid byte at offset 23") })
        #expect(why.contains { $0.contains("e.txt") && $0.contains("FIFO") })
        #expect(why.contains { $0.contains("gone.txt") && $0.contains("no such file") })
    }

    @Test func strictStopsAtTheFirstBadFileKeepingTheFilesBeforeIt() throws {
        let (store, dir) = try fresh()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try "Japan praised Peru.".write(to: corpus.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try Data().write(to: corpus.appendingPathComponent("b.txt"))
        try "Peru praised Chile.".write(to: corpus.appendingPathComponent("c.txt"), atomically: true, encoding: .utf8)
        do {
            _ = try Builder().build([corpus.path], into: store, options: .init(strict: true))
            Issue.record("expected the build to stop")
        } catch let stop as Builder.StrictStop {
            #expect(stop.problem == .emptyFile(corpus.appendingPathComponent("b.txt").path))
        }
        #expect(try store.documents().map(\.id) == ["a.txt"])
    }

    @Test func spellingsWithAndWithoutAccentsMergeAcrossArticlesButTypesStayApart() throws {
        let (store, dir) = try fresh()
        defer { try? FileManager.default.removeItem(at: dir) }
        let texts = ["Zoltan Ferenczy, a professor at Szeged University, met Olaf Scholz.",
                     "Zoltán Ferenczy, the Hungarian trade minister, met Olaf Scholz again. Shelling hit the Voléra region.",
                     "Volera, the world's largest chipmaker, said profits rose."]
        for (i, t) in texts.enumerated() { _ = try store.ingest(try Extractor.standard.extract(documentID: "\(i).txt", path: "\(i).txt", text: t, annotator: annotator)) }
        let g = try store.snapshot()
        #expect(g.entities.filter { $0.name.hasPrefix("Zolt") }.map(\.name) == ["Zoltán Ferenczy"])
        #expect(try store.resolveEntity("zoltan ferenczy").name == "Zoltán Ferenczy")
        let volera = g.entities.filter { $0.name.hasPrefix("Vol") }
        #expect(Set(volera.map(\.type)) == [.place, .organization])
    }
}
