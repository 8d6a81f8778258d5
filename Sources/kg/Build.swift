import ArgumentParser
import Foundation
import Graph

extension KG {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: "Ingest .txt articles (files, or folders searched recursively) into the store.",
            discussion: """
                A document whose content is already stored is skipped; one whose file name is stored with other content replaces it. \
                A bad file (missing, unreadable, not a regular file, empty, binary, not UTF-8, over the size limit, changed while read) \
                is skipped with one line on stderr naming it and why; the rest is built, and the exit status is 1 with a summary \
                "built N, skipped K". Files stream through annotation, extraction and storing with bounded memory; progress goes to \
                stderr when it is a terminal. Concurrent builds into one store take turns; reading commands never make a build fail.
                """)

        @OptionGroup var options: StoreOptions
        @OptionGroup var catalog: CatalogOptions

        @Argument(help: "Article files or folders.")
        var paths: [String]

        @Flag(name: .shortAndLong, help: "Also list the page chrome dropped from each document.")
        var verbose = false

        @Flag(help: "Stop at the first bad file (the files before it stay stored).")
        var strict = false

        @Option(parsing: .unconditional, help: "The largest article to read, in MB (larger files are skipped).")
        var maxArticleSize: Double = Double(DocumentReader.maxArticleBytes) / Double(1 << 20)

        func validate() throws {
            // an Int of bytes must hold it, and a limit under 1 kB would refuse every article
            if !(maxArticleSize >= 0.001 && maxArticleSize <= 4096) {
                throw ValidationError("'--max-article-size' must be from 0.001 to 4096 (MB)")
            }
        }

        func run() throws {
            let extractor = try catalog.extractor(store: options.store) // a bad catalog fails before the store is touched
            let store = try GraphStore(path: options.store)
            var build = Builder.Options(strict: strict, maxArticleBytes: Int(maxArticleSize * Double(1 << 20)))
            build.maxArticleBytes = max(1, build.maxArticleBytes)
            let console = BuildConsole(terminal: isatty(STDERR_FILENO) == 1)
            console.reportInterrupts()
            let verbose = self.verbose
            let summary: Builder.Summary
            do {
                summary = try Builder(extractor: extractor).build(paths, into: store, options: build) { event in
                    switch event {
                    case .progress(let p): console.progress(p)
                    case .skipped(let problem): console.skipped("skipped " + (problem.errorDescription ?? "\(problem)"))
                    case .stored(let r):
                        var lines: [String]
                        switch r.outcome {
                        case .added, .replaced:
                            let verb = r.outcome == .added ? "added" : "replaced"
                            lines = ["\(verb)  \(r.documentID): \(r.entities) entities, \(r.relations) relations, \(r.dropped) chrome line\(r.dropped == 1 ? "" : "s") dropped"]
                            if verbose, let detail = try? store.documentDetail(r.documentID) {
                                lines += detail.dropped.map { "         - [\($0.reason)] \(Format.shorten($0.text, 90))" }
                            }
                        case .skipped(let dup):
                            lines = ["skipped \(r.documentID): already stored" + (dup == r.documentID ? "" : " as \(dup)")]
                        }
                        console.stored(lines.joined(separator: "\n"), built: r.outcome == .added || r.outcome == .replaced)
                    }
                }
            } catch let stop as Builder.StrictStop {
                console.finish(summary: stop.summary, store: options.store)
                throw stop
            }
            console.finish(summary: summary, store: options.store)
            if !summary.skipped.isEmpty { throw ExitCode(1) }
        }
    }
}

/// Build output: results on stdout, problems and progress on stderr; the progress line is
/// redrawn in place (a few times a second) only when stderr is a terminal.
///
/// Each document's line is flushed as it is reported (after its chunk is committed), so an
/// interrupted build has printed exactly what it stored, on a pipe as on a terminal.
final class BuildConsole: @unchecked Sendable {
    private let terminal: Bool
    private let lock = NSLock()
    private var shown = false
    private var lastDraw = 0.0
    private var built = 0, unchanged = 0, skipped = 0

    init(terminal: Bool) { self.terminal = terminal }

    func progress(_ p: Builder.Progress) {
        guard terminal else { return }
        lock.lock(); defer { lock.unlock() }
        guard p.elapsed - lastDraw >= 0.2 || p.files == p.totalFiles else { return }
        lastDraw = p.elapsed
        let rate = Double(p.bytes) / max(p.elapsed, 1e-3) / 1e6
        let eta = p.bytes > 0 ? Double(p.totalBytes - p.bytes) / (Double(p.bytes) / p.elapsed) : 0
        let line = "\(p.files)/\(p.totalFiles) files, \(Self.size(p.bytes)) of \(Self.size(p.totalBytes)), \(Self.rate(rate)), ETA "
            + Self.duration(eta)
        Output.standardError.write("\r\u{1B}[K" + line)
        shown = true
    }

    /// A document stored (`built`) or found already stored.
    func stored(_ text: String, built isBuilt: Bool) {
        lock.lock(); defer { lock.unlock() }
        if isBuilt { built += 1 } else { unchanged += 1 }
        clear()
        print(text)
        Output.standardOutput.flush()
    }

    /// A file skipped, and why.
    func skipped(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        skipped += 1
        clear()
        Output.standardError.write(TerminalText.sanitize(text) + "\n")
    }

    /// Ctrl-C (SIGINT) and SIGTERM end the build with one line on stderr saying what was
    /// stored, after the lines already reported; the process then dies of the signal, as it
    /// would have (a shell sees status 130 for Ctrl-C). Chunks not committed are rolled back
    /// by SQLite. The signal handler only writes the signal's number to a pipe; a thread
    /// reading it does the rest. A signal ignored when kg started (a background job of a
    /// script) stays ignored; one blocked by the parent is unblocked, as it would be in a shell.
    func reportInterrupts() {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGINT, SIGTERM] { sigaddset(&unblock, sig) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        BuildConsole.interruptPipe = fds[1]
        let readEnd = fds[0]
        let thread = Thread { [self] in
            var sig: Int32 = 0
            while read(readEnd, &sig, MemoryLayout<Int32>.size) < 0 && errno == EINTR {}
            interrupted(by: sig)
        }
        thread.start()
        for sig in [SIGINT, SIGTERM] {
            let previous = signal(sig, BuildConsole.onSignal)
            if let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                signal(sig, SIG_IGN)
            }
        }
    }

    nonisolated(unsafe) private static var interruptPipe: Int32 = -1
    private static let onSignal: @convention(c) (Int32) -> Void = { sig in
        var s = sig
        _ = write(BuildConsole.interruptPipe, &s, MemoryLayout<Int32>.size)
    }

    private func interrupted(by sig: Int32) -> Never {
        lock.lock() // kept: no further line is printed
        clear()
        Output.standardOutput.flush()
        let line = "interrupted: \(built) documents stored, each whole (\(unchanged) already stored, \(skipped) skipped); "
            + "any file not listed above is not stored: run the same build again to add it"
        Output.standardError.write(line + "\n")
        signal(sig, SIG_DFL)
        raise(sig)
        _exit(128 + sig)
    }

    func finish(summary s: Builder.Summary, store: String) {
        lock.lock(); defer { lock.unlock() }
        clear()
        let rate = Double(s.bytes) / max(s.elapsed, 1e-3) / 1e6
        let line = "built \(s.built), skipped \(s.skipped.count); \(s.unchanged) already stored; "
            + "\(Self.size(s.bytes)) in \(Self.duration(s.elapsed)) (\(Self.rate(rate))); store: \(store)"
        Output.standardError.write(TerminalText.sanitize(line) + "\n")
    }

    private func clear() {
        if shown { Output.standardError.write("\r\u{1B}[K"); shown = false }
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? String(format: "%.1f MB", Double(bytes) / 1e6) : String(format: "%.0f kB", Double(bytes) / 1e3)
    }

    /// A rate given in MB/s, in kB/s when below 0.1 MB/s.
    static func rate(_ mbPerSecond: Double) -> String {
        mbPerSecond >= 0.1 ? String(format: "%.2f MB/s", mbPerSecond) : String(format: "%.1f kB/s", mbPerSecond * 1000)
    }

    static func duration(_ s: Double) -> String {
        if s < 60 { return String(format: "%.1f s", s) }
        return String(format: "%d min %02d s", Int(s) / 60, Int(s) % 60)
    }
}
