import Foundation
import Testing
@testable import Graph

@Suite struct DocumentReaderTests {
    @Test func binaryFileIsRejectedNamingTheFile() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("image.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]).write(to: file)
        #expect(throws: IngestError.notText(file.path)) { try DocumentReader.read(file) }
    }

    @Test func missingPathIsAClearError() {
        #expect(throws: IngestError.notFound("/no/such/folder")) { try DocumentReader.collectFiles(["/no/such/folder"]) }
    }

    @Test func foldersAreSearchedRecursivelyForTextFiles() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try "x".write(to: dir.appendingPathComponent("a/b/one.txt"), atomically: true, encoding: .utf8)
        try "y".write(to: dir.appendingPathComponent("two.txt"), atomically: true, encoding: .utf8)
        try "z".write(to: dir.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
        let files = try DocumentReader.collectFiles([dir.path]).map(\.lastPathComponent)
        #expect(Set(files) == ["one.txt", "two.txt"])
    }

    @Test func folderWithoutTextFilesIsAnError() {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: IngestError.noInputs(dir.path)) { try DocumentReader.collectFiles([dir.path]) }
    }

    @Test func aByteOrderMarkBecomesASpaceSoOffsetsStayTrueAndTitlesClean() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bom.txt")
        try Data([0xEF, 0xBB, 0xBF] + Array("Japan praised Peru.\r\n".utf8)).write(to: file)
        let text = try DocumentReader.read(file)
        #expect(text.unicodeScalars.first == " ")
        #expect(text.unicodeScalars.count == 22) // one scalar for the mark, as in the file
        let r = try! Extractor.standard.extract(documentID: "bom.txt", path: file.path, text: text, annotator: annotator)
        let japan = try #require(r.mentions.first { $0.text == "Japan" })
        #expect(japan.start == 1)

        let titled = dir.appendingPathComponent("titled.txt")
        try Data([0xEF, 0xBB, 0xBF] + Array("Peru Signs Trade Pact\n\nJapan praised Peru on Monday.\n".utf8)).write(to: titled)
        let t = try! Extractor.standard.extract(documentID: "titled.txt", path: titled.path, text: try DocumentReader.read(titled),
                                                annotator: annotator)
        #expect(t.document.title == "Peru Signs Trade Pact")
    }

    @Test func aFileChangedWhileReadIsReadAgainOrRefused() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("live.txt")
        try "Japan praised Peru.".write(to: file, atomically: false, encoding: .utf8)
        func append(_ s: String) {
            let h = try! FileHandle(forWritingTo: file)
            h.seekToEndOfFile()
            h.write(Data(s.utf8))
            try! h.close()
        }
        // changed once, during the first read: the second read is whole
        let text = try DocumentReader.read(file, maxBytes: 1 << 20) { attempt in if attempt == 0 { append(" Chile agreed.") } }
        #expect(text == "Japan praised Peru. Chile agreed.")
        // changed during every read: refused, not stored torn
        #expect(throws: IngestError.changedWhileReading(file.path)) {
            try DocumentReader.read(file, maxBytes: 1 << 20) { _ in append(" More.") }
        }
    }

    @Test func aRewriteThatKeepsSizeAndTimeIsStillSeen() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("rewritten.txt")
        let a = "Alder Bank bought Birch Trust.", b = "Cedar Bank sold Dogwood Mills."
        try a.write(to: file, atomically: false, encoding: .utf8)
        var st = stat()
        stat(file.path, &st)
        let times = [st.st_atim, st.st_mtim]
        // rewritten in place with as many bytes, its modification time put back: only the bytes tell
        func rewrite(_ text: String) {
            let h = try! FileHandle(forWritingTo: file)
            h.write(Data(text.utf8))
            try! h.close()
            _ = times.withUnsafeBufferPointer { utimensat(AT_FDCWD, file.path, $0.baseAddress, 0) }
        }
        // each read sees other bytes: refused
        #expect(throws: IngestError.changedWhileReading(file.path)) {
            try DocumentReader.read(file, maxBytes: 1 << 20) { attempt in rewrite(attempt % 2 == 0 ? b : a) }
        }
        // rewritten once: the next two reads agree on the new text
        try a.write(to: file, atomically: false, encoding: .utf8)
        _ = times.withUnsafeBufferPointer { utimensat(AT_FDCWD, file.path, $0.baseAddress, 0) }
        let text = try DocumentReader.read(file, maxBytes: 1 << 20) { attempt in if attempt == 0 { rewrite(b) } }
        #expect(text == b)
    }

    @Test func filesThatAreNotArticlesAreRefusedByKind() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("x.txt")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(throws: IngestError.notAFile(folder.path, kind: "a folder")) { try DocumentReader.read(folder) }
        let big = dir.appendingPathComponent("big.txt")
        try Data(repeating: 0x61, count: 5000).write(to: big)
        #expect(throws: IngestError.tooLarge(big.path, bytes: 5000, limit: 4096)) { try DocumentReader.read(big, maxBytes: 4096) }
        #expect(IngestError.tooLarge(big.path, bytes: 3 << 20, limit: 2 << 20).localizedDescription.contains("over the per-article limit of 2.0 MB"))
        // just over: the figures are bytes, not two equal megabytes
        #expect(IngestError.tooLarge("a.txt", bytes: 2_000_100, limit: 2_000_000).localizedDescription
                == "a.txt: 2000100 bytes is over the per-article limit of 2000000 bytes (--max-article-size)")
        let latin1 = dir.appendingPathComponent("latin1.txt")
        try Data([0x43, 0x61, 0x66, 0xE9]).write(to: latin1)
        #expect(throws: IngestError.notUTF8(latin1.path, offset: 3)) { try DocumentReader.read(latin1) }
    }

    /// kg runs as an unprivileged user (see ``Unprivileged``): root lists any folder.
    @Test(.enabled(if: Unprivileged.unavailable == nil, "\(Unprivileged.unavailable ?? "")"))
    func anUnreadableSubfolderIsReportedNotSkippedInSilence() throws {
        let dir = Unprivileged.temporaryFolder()
        let closed = dir.appendingPathComponent("in/closed")
        defer { chmod(closed.path, 0o755); try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: closed, withIntermediateDirectories: true)
        try "Alpha Corp backed Beta Group.".write(to: closed.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "Gamma Party met Delta Union.".write(to: dir.appendingPathComponent("in/b.txt"), atomically: true, encoding: .utf8)
        chmod(closed.path, 0)
        // the line comes as the inputs are collected, before any article is annotated
        let r = try Unprivileged.run(["build", dir.appendingPathComponent("in").path,
                                      "--store", dir.appendingPathComponent("kg.sqlite").path])
        #expect(r.status != 0) // anything skipped makes the build fail
        #expect(r.stderr.contains("skipped \(closed.path): folder cannot be listed (permission denied); its files were not built\n"), "\(r.stderr)")
        #expect(!r.stderr.contains("a.txt"))
    }
}
