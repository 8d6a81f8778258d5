import Foundation
import Testing
@testable import Graph

/// Several `kg build` processes into one store, with readers running meanwhile.
@Suite struct ConcurrentBuildTests {
    /// The kg executable built beside the test bundle.
    static var kg: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("kg")
    }

    @discardableResult
    static func run(_ args: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = kg
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
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

private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(String, Int32, String)] = []
    func add(_ kind: String, _ r: (status: Int32, output: String)) { lock.lock(); items.append((kind, r.status, r.output)); lock.unlock() }
    var all: [(String, Int32, String)] { lock.lock(); defer { lock.unlock() }; return items }
}
