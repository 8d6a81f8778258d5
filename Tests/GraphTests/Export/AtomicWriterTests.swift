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
        // what the handler runs, for this test's folder only: every other registered file is a write
        // running beside it (removing those made concurrent tests fail with "No such file or directory")
        TemporaryFileGuard.removeRegisteredFiles(startingWith: dir.path + "/")
        #expect(!FileManager.default.fileExists(atPath: tmp))
    }

    @Test func aFolderInTheWayIsOneClearError() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: ExportError.cannotWrite(dir.path, reason: "it is a folder")) {
            try AtomicWriter.write(Data("x".utf8), to: dir.path)
        }
    }

    func fileType(_ path: String) -> mode_t {
        var st = stat()
        lstat(path, &st)
        return st.st_mode & S_IFMT
    }

    /// glibc's makedev (a macro Swift does not import), for small major and minor numbers.
    func device(_ major: UInt64, _ minor: UInt64) -> dev_t { dev_t((major << 8) | minor) }

    @Test func aDeviceIsWrittenIntoAndNeverReplaced() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let null = dir.appendingPathComponent("null").path, full = dir.appendingPathComponent("full").path
        // private copies of /dev/null (1,3) and /dev/full (1,7): mknod needs root, as the suite runs in CI
        guard mknod(null, S_IFCHR | 0o666, device(1, 3)) == 0, mknod(full, S_IFCHR | 0o666, device(1, 7)) == 0 else {
            Issue.record("mknod failed (\(String(cString: strerror(errno)))): run the suite as root")
            return
        }
        try AtomicWriter.write(Data("graph".utf8), to: null)
        #expect(fileType(null) == S_IFCHR)
        #expect(throws: ExportError.cannotWrite(full, reason: String(cString: strerror(ENOSPC)))) {
            try AtomicWriter.write(Data("graph".utf8), to: full)
        }
        #expect(fileType(full) == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["full", "null"])
    }

    @Test func aNamedPipeIsWrittenIntoForItsReader() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = Received()
        let reader = Thread {
            let fd = open(fifo, O_RDONLY) // waits for the writer, then reads to its end
            var bytes = [UInt8](), buffer = [UInt8](repeating: 0, count: 4096)
            while fd >= 0 {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                bytes += buffer[..<n]
            }
            if fd >= 0 { close(fd) }
            received.set(Data(bytes))
        }
        reader.start()
        try AtomicWriter.write(Data("through the pipe".utf8), to: fifo)
        for _ in 0..<500 where received.value == nil { usleep(10_000) }
        #expect(received.value == Data("through the pipe".utf8))
        #expect(fileType(fifo) == S_IFIFO)
    }

    @Test func aWriteLeavesOnlyItsTarget() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("graph.json").path
        for i in 0..<3 { try AtomicWriter.write(Data("v\(i)".utf8), to: target) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["graph.json"])
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "v2")
    }
}

private final class Received: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ d: Data?) { lock.lock(); data = d; lock.unlock() }
    var value: Data? { lock.lock(); defer { lock.unlock() }; return data }
}
