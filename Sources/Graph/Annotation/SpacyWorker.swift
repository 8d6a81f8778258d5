import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One spaCy worker process (`kg_worker.py`) and the line protocol spoken with it.
///
/// Not thread-safe: ``SpacyAnnotator`` hands a worker to one caller at a time.
final class SpacyWorker: @unchecked Sendable {
    typealias Info = WorkerProtocol.Info

    let python: String
    let info: Info
    private let process: Process
    private let input: FileHandle
    private let output: Int32
    private var buffer: [UInt8] = []
    private let stderrTail: StderrTail

    /// Starts the worker and waits for its ready line.
    /// - Throws: ``AnnotationError/workerBroken(python:message:)`` when spaCy or the model does not load.
    init(python: String, script: String) throws {
        signal(SIGPIPE, SIG_IGN)
        self.python = python
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-u", script]
        var env = ProcessInfo.processInfo.environment
        // one thread per worker: kg runs one worker per core
        for k in ["OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"] { env[k] = "1" }
        env["PYTHONIOENCODING"] = "utf-8"
        process.environment = env
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let tail = StderrTail()
        stderr.fileHandleForReading.readabilityHandler = { h in tail.append(h.availableData) }
        do { try process.run() } catch {
            throw AnnotationError.workerBroken(python: python, message: error.localizedDescription)
        }
        self.process = process
        self.input = stdin.fileHandleForWriting
        self.output = stdout.fileHandleForReading.fileDescriptor
        self.stderrTail = tail
        var first: [UInt8]?
        var readError: Error?
        // read the ready line before `self` is complete
        var buf: [UInt8] = []
        do { first = try Self.readLine(output, &buf) } catch { readError = error }
        buffer = buf
        guard let line = first else {
            process.waitUntilExit()
            let why = tail.text.isEmpty ? (readError?.localizedDescription ?? "it exited with status \(process.terminationStatus)") : tail.text
            throw AnnotationError.workerBroken(python: python, message: why)
        }
        info = try WorkerProtocol.hello(line, python: python)
    }

    deinit {
        try? input.close()
        if process.isRunning { process.terminate() }
    }

    /// Annotates texts in one `nlp.pipe` batch.
    func annotate(_ texts: [String]) throws -> [AnnotatedText] {
        try write(try WorkerProtocol.request(texts))
        guard let reply = try Self.readLine(output, &buffer) else {
            throw AnnotationError.workerFailed(stderrTail.text.isEmpty ? "it closed its output" : stderrTail.text)
        }
        return try WorkerProtocol.reply(reply, for: texts)
    }

    private func write(_ data: Data) throws {
        let fd = input.fileDescriptor
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw AnnotationError.workerFailed("writing to it failed: \(String(cString: strerror(errno)))")
                }
                offset += n
            }
        }
    }

    /// The next line from `fd` (without its newline), or nil at end of file.
    private static func readLine(_ fd: Int32, _ buffer: inout [UInt8]) throws -> [UInt8]? {
        var searched = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let nl = buffer[searched...].firstIndex(of: 0x0A) {
                let line = Array(buffer[..<nl])
                buffer.removeSubrange(...nl)
                return line
            }
            searched = buffer.count
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw AnnotationError.workerFailed("reading from it failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { return nil }
            buffer.append(contentsOf: chunk[..<n])
        }
    }
}

/// The last few kilobytes a worker wrote to stderr, for error messages.
private final class StderrTail: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    func append(_ d: Data) {
        lock.lock(); defer { lock.unlock() }
        data.append(d)
        if data.count > 4096 { data = data.suffix(4096) }
    }
    var text: String {
        lock.lock(); defer { lock.unlock() }
        let s = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return s.split(separator: "\n").suffix(3).joined(separator: " | ")
    }
}
