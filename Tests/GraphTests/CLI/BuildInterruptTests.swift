import Foundation
import Testing
@testable import Graph

/// Ctrl-C during `kg build` with stdout going to a file: what was printed is what was stored.
@Suite(.serialized, .enabled(if: KGProcess.available)) struct BuildInterruptTests {
    @Test func anInterruptedBuildPrintsEveryStoredDocumentAndSaysHowManyThenDiesOfTheSignal() throws {
        let dir = Paths.temporaryFolder()
        let corpus = dir.appendingPathComponent("corpus")
        let files = try SyntheticCorpus.write(to: corpus, bytes: 700_000, seed: 11)
        let store = dir.appendingPathComponent("kg.sqlite").path
        let outPath = dir.appendingPathComponent("stdout.txt").path
        FileManager.default.createFile(atPath: outPath, contents: nil)
        let sink = try #require(FileHandle(forWritingAtPath: outPath))
        defer { try? sink.close() }

        let p = Process()
        p.executableURL = KGProcess.binary
        p.arguments = ["build", corpus.path, "--store", store]
        p.standardOutput = sink // a file: buffered output, the case that lost lines
        let err = Pipe()
        p.standardError = err
        try p.run()
        // interrupt once the first chunk is reported, well before the last
        let deadline = Date().addingTimeInterval(120)
        while p.isRunning, Date() < deadline,
              !String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data(), as: UTF8.self).contains("added") {
            usleep(20_000)
        }
        #expect(p.isRunning, "the build ended before it could be interrupted")
        p.interrupt()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()

        #expect(p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGINT, "\(p.terminationReason) \(p.terminationStatus)")
        let printed = String(decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self)
            .split(separator: "\n").filter { $0.hasPrefix("added") }
        let last = try #require(stderr.split(separator: "\n").last.map(String.init))
        #expect(last.hasPrefix("interrupted: \(printed.count) documents stored, each whole"), "\(last)")
        let stored = try GraphStore(path: store).documents().map(\.id)
        #expect(stored.count == printed.count)
        #expect(stored.count > 0 && stored.count < files, "\(stored.count) of \(files)")
        #expect(Set(stored) == Set(printed.map { String($0.dropFirst("added  ".count).prefix(while: { $0 != ":" })) }))
    }
}
