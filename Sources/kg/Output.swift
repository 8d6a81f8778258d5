import ArgumentParser
import Foundation
import Graph
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The CLI's only way to the terminal: every line goes through a checked writer, and
/// terminal text through ``TerminalText/sanitize(_:)``.
///
/// A failed write to stdout (a full disk, a closed pipe) ends the process with one line on
/// stderr and exit status 1, never with lost output and status 0. A closed pipe whose reader
/// left on purpose (`kg entities | head`) ends it quietly with status 141, as SIGPIPE would.
enum Output {
    static let standardOutput = CheckedStream(fd: STDOUT_FILENO, name: "standard output")
    static let standardError = CheckedStream(fd: STDERR_FILENO, name: "standard error")

    /// Set while stdout carries a file's content (`-o -`): status lines then go to stderr.
    nonisolated(unsafe) static var statusToStandardError = false

    /// Where status and table lines go.
    static var terminal: CheckedStream { statusToStandardError ? standardError : standardOutput }

    /// Writes `data` to the file `path` atomically, or to stdout when `path` is `-`
    /// (status lines then go to stderr).
    static func writeFile(_ data: Data, to path: String) throws {
        if path == "-" {
            statusToStandardError = true
            standardOutput.write(data)
        } else {
            try AtomicWriter.write(data, to: path)
        }
    }

    /// Runs the command line: parses, runs, flushes stdout, and reports any error as one
    /// sanitized message with ArgumentParser's exit code.
    static func main(_ root: KG.Type) -> Never {
        do {
            var command = try root.parseAsRoot()
            try command.run()
            standardOutput.flush()
            exit(0)
        } catch {
            let code = root.exitCode(for: error)
            let message = root.fullMessage(for: error)
            if !message.isEmpty {
                let stream = code == .success ? standardOutput : standardError
                stream.write(Data((TerminalText.sanitize(message) + "\n").utf8))
            }
            standardOutput.flush()
            exit(code.rawValue)
        }
    }
}

/// A buffered writer on a file descriptor that checks every write.
///
/// Output to a terminal is written at once; to a file or pipe it is buffered (64 kB) and
/// flushed when full and at exit.
final class CheckedStream: @unchecked Sendable {
    let fd: Int32
    let name: String
    private let immediate: Bool
    private var buffer: [UInt8] = []
    private let lock = NSLock()

    init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
        immediate = isatty(fd) != 0 || fd == STDERR_FILENO
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ text: String) { write(Data(text.utf8)) }

    func write(_ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        buffer.append(contentsOf: data)
        if immediate || buffer.count >= 1 << 16 { drain() }
    }

    func flush() {
        lock.lock()
        defer { lock.unlock() }
        drain()
    }

    /// Writes the buffer out; a failure ends the process (see ``Output``).
    private func drain() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                buffer.removeAll()
                if code == EPIPE { exit(141) }
                if fd != STDERR_FILENO {
                    let line = "Error: cannot write to \(name): \(String(cString: strerror(code)))\n"
                    _ = line.withCString { Glibc.write(STDERR_FILENO, $0, strlen($0)) }
                }
                exit(1)
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// `print` for the CLI: terminal text, sanitized, through ``Output``'s checked writer.
/// (It shadows the standard library's `print` in this module, so no line bypasses it.)
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator) + terminator
    Output.terminal.write(TerminalText.sanitize(text))
}
