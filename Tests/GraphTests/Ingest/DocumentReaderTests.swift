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

    @Test func aByteOrderMarkIsKeptSoOffsetsStayTrue() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bom.txt")
        try Data([0xEF, 0xBB, 0xBF] + Array("Japan praised Peru.\r\n".utf8)).write(to: file)
        let text = try DocumentReader.read(file)
        #expect(text.unicodeScalars.first == "\u{FEFF}")
        let r = try! Extractor.standard.extract(documentID: "bom.txt", path: file.path, text: text, annotator: annotator)
        let japan = try #require(r.mentions.first { $0.text == "Japan" })
        #expect(japan.start == 1)
    }
}
