import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Graph

@Suite struct AtomicWriterTests {
    func mode(_ path: String) -> mode_t {
        var st = stat()
        stat(path, &st)
        return st.st_mode & 0o7777
    }

    @Test func rewritingAPrivateFileKeepsItPrivate() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("graph.json").path
        try AtomicWriter.write(Data("old".utf8), to: target)
        chmod(target, 0o600)
        try AtomicWriter.write(Data("new".utf8), to: target)
        #expect(mode(target) == 0o600)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    }

    @Test func aNewFileGetsTheUmasksMode() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("new.json").path
        let mask = umask(0o027)
        defer { umask(mask) }
        try AtomicWriter.write(Data("x".utf8), to: target)
        #expect(mode(target) == 0o640)
    }

    @Test func aSymbolicLinkStaysAndItsTargetIsReplacedInItsOwnFolder() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: real.appendingPathComponent("g.json"))
        let link = dir.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real/g.json")
        try AtomicWriter.write(Data("new".utf8), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real/g.json")
        #expect(try String(contentsOf: real.appendingPathComponent("g.json"), encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: real.path) == ["g.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["link.json", "real"])
    }

    @Test func aDanglingLinkGetsItsTargetCreated() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let link = dir.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "made.json")
        try AtomicWriter.write(Data("x".utf8), to: link)
        #expect(try String(contentsOf: dir.appendingPathComponent("made.json"), encoding: .utf8) == "x")
    }

    @Test func aTemporaryFileOfAKilledWriterIsRemovedByTheNextWrite() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // a process that no longer exists: a child that has exited and been reaped
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        let stale = dir.appendingPathComponent(".g.json.kg-tmp-\(p.processIdentifier)").path
        let live = dir.appendingPathComponent(".g.json.kg-tmp-1").path  // init never goes away
        FileManager.default.createFile(atPath: stale, contents: Data("half".utf8))
        FileManager.default.createFile(atPath: live, contents: Data("busy".utf8))
        try AtomicWriter.write(Data("{}".utf8), to: dir.appendingPathComponent("g.json").path)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live))
    }

    @Test func anInterruptRemovesTheRegisteredTemporaryFile() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmp = dir.appendingPathComponent(".g.json.kg-tmp-\(getpid())").path
        FileManager.default.createFile(atPath: tmp, contents: Data("half".utf8))
        let guarded = TemporaryFileGuard(tmp)
        defer { guarded.release() }
        #expect(signal(SIGTERM, SIG_DFL) != nil, "the guard installs a SIGTERM handler")
        signal(SIGTERM, signal(SIGTERM, SIG_DFL))
        TemporaryFileGuard.removeRegisteredFiles()  // what the handler runs
        #expect(!FileManager.default.fileExists(atPath: tmp))
    }

    @Test func aFolderInTheWayIsOneClearError() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: ExportError.cannotWrite(dir.path, reason: "it is a folder")) {
            try AtomicWriter.write(Data("x".utf8), to: dir.path)
        }
    }
}
