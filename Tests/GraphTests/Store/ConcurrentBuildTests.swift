import Foundation
import Testing
@testable import Graph

/// Several `kg build` processes into one store, with readers running meanwhile.
@Suite struct ConcurrentBuildTests {
    /// The kg executable built beside the test bundle.
    static var kg: URL { KGProcess.binary }

    @discardableResult
    static func run(_ args: [String]) throws -> (status: Int32, output: String) {
        let r = try KGProcess.run(args)
        return (r.status, r.out + r.stderr)
    }

    @Test func concurrentBuildsTakeTurnsAndReadersNeverFailThem() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.kg.path), "build kg first: \(Self.kg.path)")
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("kg.sqlite").path
        let countries = ["Japan", "Peru", "Chile", "Brazil", "Kenya", "Norway", "Canada", "Egypt", "India", "Spain"]
        var corpora: [String] = []
        for b in 0..<5 {
            let folder = dir.appendingPathComponent("corpus\(b)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for d in 0..<3 {
                let a = countries[(b * 3 + d) % countries.count], c = countries[(b * 3 + d + 1 + b) % countries.count]
                try "\(a) praised \(c) on day \(b * 10 + d).".write(to: folder.appendingPathComponent("doc-\(b)-\(d).txt"), atomically: true, encoding: .utf8)
            }
            corpora.append(folder.path)
        }
        // the store exists before the race, so readers have something to open
        #expect(try Self.run(["build", corpora[0], "--store", store]).status == 0)
        let results = Results()
        let group = DispatchGroup()
        for c in corpora.dropFirst() {
            DispatchQueue.global().async(group: group) {
                results.add("build", (try? Self.run(["build", c, "--store", store])) ?? (-1, "did not start"))
            }
        }
        DispatchQueue.global().async(group: group) {
            for _ in 0..<15 { results.add("read", (try? Self.run(["documents", "--store", store])) ?? (-1, "did not start")) }
        }
        group.wait()
        for (kind, status, output) in results.all {
            #expect(status == 0, "\(kind): \(output)")
        }
        let docs = try GraphStore.openExisting(path: store).documents()
        #expect(docs.count == 15)
    }
}

extension ConcurrentBuildTests {
    /// Many writers on their own connections (as separate processes have) with readers between:
    /// every write waits its turn, no read fails.
    @Test func writersOnSeparateConnectionsWaitTheirTurn() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kg.sqlite").path
        _ = try GraphStore(path: path)
        let failures = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { w in
            do {
                if w % 4 == 3 {
                    let reader = try GraphStore.openExisting(path: path)
                    for _ in 0..<30 { _ = try reader.snapshot() }
                    return
                }
                let store = try GraphStore(path: path)
                for d in 0..<15 {
                    let id = "w\(w)-\(d).txt", text = "Writer \(w) document \(d)."
                    let e = [Entity(id: "e\(w)", name: "E\(w)", type: .organization), Entity(id: "f\(d)", name: "F\(d)", type: .organization)]
                    _ = try store.ingest(batch: [ExtractionResult(
                        document: Document(id: id, path: id, contentHash: DocumentReader.contentHash(text)), text: text, entities: e, mentions: [],
                        relations: [Relation(head: e[0].id, tail: e[1].id, family: .supports, confidence: 0.5,
                                             evidence: [Evidence(documentID: id, text: text, start: 0, end: 5, confidence: 0.5)])],
                        dropped: [], sentenceCount: 1)])
                }
            } catch {
                failures.add("\(w)", (1, "\(error)"))
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        #expect(try GraphStore.openExisting(path: path).documents().count == 6 * 15)
    }
}

private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(String, Int32, String)] = []
    func add(_ kind: String, _ r: (status: Int32, output: String)) { lock.lock(); items.append((kind, r.status, r.output)); lock.unlock() }
    var all: [(String, Int32, String)] { lock.lock(); defer { lock.unlock() }; return items }
}
