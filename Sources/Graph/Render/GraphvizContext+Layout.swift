import CGraphviz
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension GraphvizContext {
    /// Lays out and renders `graph` in a forked child process, so that a layout running past
    /// `timeLimit` seconds can be stopped (libgvc offers no way to interrupt it) and a crash
    /// inside Graphviz becomes an error, not the end of the process. The child inherits the
    /// built graph, runs `gvLayout` and `gvRenderData`, writes the result into a pipe and exits;
    /// nothing is laid out in this process, so there is no layout to free here.
    ///
    /// The caller holds the Graphviz lock (see `run`).
    /// - Throws: `RenderError.layoutTimedOut`, `.layoutFailed` or `.renderFailed`.
    func layoutAndRender(_ graph: UnsafeMutablePointer<Agraph_t>, engine: String, format: String,
                         nodes: Int, timeLimit: Double) throws -> (data: Data, messages: String) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw RenderError.graphviz("pipe() failed: \(String(cString: strerror(errno)))") }
        let pid = fork()
        if pid < 0 {
            close(fds[0]); close(fds[1])
            throw RenderError.graphviz("fork() failed: \(String(cString: strerror(errno)))")
        }
        if pid == 0 {
            close(fds[0])
            Self.childLayout(gvc, graph, engine: engine, format: format, into: fds[1], messages: { self.messages() })
        }
        close(fds[1])
        defer { close(fds[0]) }

        var received = [UInt8]()
        let deadline = Date().addingTimeInterval(timeLimit)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        reading: while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                kill(pid, SIGKILL)
                Self.reap(pid)
                throw RenderError.layoutTimedOut(engine, seconds: timeLimit, nodes: nodes)
            }
            var p = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, Int32(min(remaining * 1000, 1000).rounded(.up)))
            if ready < 0 && errno != EINTR { break }
            guard ready > 0 else { continue }
            let n = chunk.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            switch n {
            case 0: break reading
            case let n where n > 0: received.append(contentsOf: chunk[0..<n])
            default: if errno != EINTR { break reading }
            }
        }
        let status = Self.reap(pid)
        if status.signal != 0 {
            throw RenderError.layoutFailed(engine, messages: "Graphviz stopped on signal \(status.signal)")
        }
        guard received.count >= 9 else { throw RenderError.layoutFailed(engine, messages: "no result from the layout process") }
        let length = received[1..<9].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard received.count >= 9 + length else { throw RenderError.layoutFailed(engine, messages: "truncated result from the layout process") }
        let data = Data(received[9..<(9 + length)])
        let messages = String(decoding: received[(9 + length)...], as: UTF8.self)
        switch received[0] {
        case 0: return (data, messages)
        case 1: throw RenderError.layoutFailed(engine, messages: messages)
        default: throw RenderError.renderFailed(format, messages: messages)
        }
    }

    /// The child's side: layout, render, write `status, length (8 bytes little-endian), data, messages`, exit.
    /// It writes the rendered bytes straight from Graphviz's buffer and allocates nothing itself but the
    /// messages (only when Graphviz reported any): the forked process has only this thread.
    private static func childLayout(_ gvc: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, engine: String, format: String,
                                    into fd: Int32, messages: () -> String) -> Never {
        func send(_ bytes: UnsafeRawPointer?, _ count: Int) {
            var written = 0
            while written < count, let bytes {
                let n = write(fd, bytes + written, count - written)
                if n < 0 { if errno == EINTR { continue }; _exit(1) }
                written += n
            }
        }
        var status: UInt8 = 0
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        if gvLayout(gvc, graph, engine) != 0 {
            status = 1
        } else if gvRenderData(gvc, graph, format, &buffer, &length) != 0 || buffer == nil {
            status = 2
        }
        var size = UInt64(status == 0 ? length : 0).littleEndian
        send(&status, 1)
        send(&size, 8)
        if status == 0 { send(buffer, Int(length)) }
        if hasMessages() {
            let text = messages()
            text.utf8CString.withUnsafeBytes { send($0.baseAddress, $0.count - 1) }
        }
        _exit(0)
    }

    /// Waits for a child; its exit status or the signal that ended it.
    @discardableResult
    private static func reap(_ pid: pid_t) -> (code: Int32, signal: Int32) {
        var st: Int32 = 0
        while waitpid(pid, &st, 0) < 0 && errno == EINTR {}
        let signal = st & 0x7f
        return signal == 0 ? ((st >> 8) & 0xff, 0) : (0, signal)
    }
}
