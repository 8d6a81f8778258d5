import Foundation

/// Runs the `kg` executable built beside the test bundle, for tests of the command line.
enum KGProcess {
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("kg")
    }
    static var available: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var out: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs `kg arguments`; stdout goes to `stdoutPath` when given (e.g. /dev/full), else to a
    /// temporary file that is read back (no pipe that a large output could fill).
    static func run(_ arguments: [String], stdoutPath: String? = nil, in folder: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        if let folder { p.currentDirectoryURL = folder }
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("kg-stdout-\(UUID().uuidString)")
        let path = stdoutPath ?? capture.path
        if stdoutPath == nil { FileManager.default.createFile(atPath: path, contents: nil) }
        defer { try? FileManager.default.removeItem(at: capture) }
        guard let sink = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteUnknown) }
        defer { try? sink.close() }
        let err = Pipe()
        p.standardOutput = sink
        p.standardError = err
        try p.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let out = stdoutPath == nil ? (try? Data(contentsOf: capture)) ?? Data() : Data()
        return Result(status: p.terminationStatus, stdout: out, stderr: String(decoding: errData, as: UTF8.self))
    }
}
