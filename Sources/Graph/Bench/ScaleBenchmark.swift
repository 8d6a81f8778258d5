import Foundation
import GRDB

/// The benchmarks that run kg as a whole process: build time against corpus size (synthetic,
/// distinct articles), one core against two, storing alone (distinct documents, none skipped),
/// and queries on a large synthetic store against the same indexed queries through the sqlite3 CLI.
public enum ScaleBenchmark {
    /// - Parameters:
    ///   - sizes: corpus sizes in MB for build time against size (the smallest is also used for one core
    ///     against all, and for storing alone).
    ///   - relations, hub: the synthetic query store's size and its hubs' degree.
    public static func run(kg: String, sizes: [Double], relations: Int, hub: Int, repeats: Int) throws -> Benchmark.Report {
        var lines: [String] = []
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kg-scale-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: root)
        defer { try? FileManager.default.removeItem(at: root) }
        let cores = ProcessInfo.processInfo.activeProcessorCount

        // build time against corpus size
        lines.append("build against corpus size (synthetic distinct articles, \(cores) cores; peak memory: kg / largest spaCy worker)")
        var points: [(mb: Double, seconds: Double)] = []
        var biggestStore = ""
        for mb in sizes {
            let corpus = root.appendingPathComponent("corpus-\(mb)")
            let n = try SyntheticCorpus.write(to: corpus, bytes: Int(mb * 1_000_000))
            let store = root.appendingPathComponent("build-\(mb).sqlite").path
            let run = try Measured.process(kg, ["build", corpus.path, "--store", store])
            guard run.status == 0 else { throw BenchError.failed("kg build of \(mb) MB exited with \(run.status)") }
            points.append((mb, run.seconds))
            var line = String(format: "  %5.2f MB  %6d articles  %8.1f s  %5.2f MB/s  peak %4.0f MB / %4.0f MB",
                              mb, n, run.seconds, mb / run.seconds, run.peakMB, run.childPeakMB)
            if points.count > 1 {
                let (a, b) = (points[points.count - 2], points[points.count - 1])
                line += String(format: "  log-log slope %.2f", log(b.seconds / a.seconds) / log(b.mb / a.mb))
            }
            lines.append(line)
            biggestStore = store
            if mb != sizes.last { try? FileManager.default.removeItem(at: corpus) }
        }
        if let first = points.first, let last = points.last, points.count > 2 {
            lines.append(String(format: "  slope %.2f -> %.2f MB: %.2f", first.mb, last.mb, log(last.seconds / first.seconds) / log(last.mb / first.mb)))
        }
        let (built, bytes) = try storeSize(biggestStore)
        lines.append(String(format: "  store: %d relations, %.0f bytes per relation (whole file: documents, mentions, evidence)",
                            built, Double(bytes) / Double(max(1, built))))

        // one core against all
        if cores >= 2, FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset") {
            let mb = sizes.min() ?? 1
            let corpus = root.appendingPathComponent("cores")
            try SyntheticCorpus.write(to: corpus, bytes: Int(mb * 1_000_000), seed: 7)
            let one = try Measured.process("/usr/bin/taskset", ["-c", "0", kg, "build", corpus.path, "--store", root.appendingPathComponent("one.sqlite").path])
            let all = try Measured.process(kg, ["build", corpus.path, "--store", root.appendingPathComponent("all.sqlite").path])
            lines.append(String(format: "  %.2f MB on 1 core %.1f s, on %d cores %.1f s: %.2fx", mb, one.seconds, cores, all.seconds, one.seconds / all.seconds))
        }

        // storing alone: distinct documents, none skipped
        let corpus = root.appendingPathComponent("store-corpus")
        try SyntheticCorpus.write(to: corpus, bytes: Int((sizes.min() ?? 1) * 1_000_000), seed: 3)
        let files = try DocumentReader.collectFiles([corpus.path])
        let texts = try files.map { ($0, try DocumentReader.read($0)) }
        let t0 = Measured.now()
        let results = try Builder(annotator: SpacyAnnotator(maxWorkers: cores)).extractAll(texts)
        let extractSeconds = Measured.now() - t0
        var best = Double.infinity
        for r in 0..<repeats {
            let store = try GraphStore(path: root.appendingPathComponent("store-\(r).sqlite").path)
            let s0 = Measured.now()
            var added = 0
            for start in stride(from: 0, to: results.count, by: 256) {
                for o in try store.ingest(batch: Array(results[start..<min(results.count, start + 256)])) where (try? o.get()) == .added { added += 1 }
            }
            best = min(best, Measured.now() - s0)
            guard added == results.count else { throw BenchError.failed("the store took \(added) of \(results.count) distinct documents") }
        }
        let rels = results.reduce(0) { $0 + $1.relations.count }
        lines.append(String(format: "store alone: %d distinct documents (none skipped), %d relations in %.2f s: %.0f documents/s, %.0f relations/s; %.2fx of annotate + extract (%.2f s)",
                            results.count, rels, best, Double(results.count) / best, Double(rels) / best, best / extractSeconds, extractSeconds))

        // queries as whole processes against the sqlite3 CLI
        lines += try queries(kg: kg, root: root, relations: relations, hub: hub, repeats: repeats)
        return Benchmark.Report(text: lines.joined(separator: "\n"))
    }

    static func storeSize(_ path: String) throws -> (relations: Int, bytes: Int) {
        let store = try GraphStore.openExisting(path: path)
        return try store.db.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM relation") ?? 0,
             (try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0) * (try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0))
        }
    }

    /// A synthetic store: `relations` relations among relations/10 entities, five hubs of `hub`
    /// relations each, one citing sentence per relation from relations/10 documents.
    /// Writes the synthetic query store the benchmark measures on: `relations` relations among
    /// relations/10 entities ("Entity N"), the first 5 * `hub` of them on five hubs ("Hub 0"...), each
    /// with one sentence of evidence.
    public static func writeSyntheticStore(_ path: String, relations: Int, hub: Int) throws {
        try syntheticStore(path, relations: relations, hub: hub)
    }

    static func syntheticStore(_ path: String, relations: Int, hub: Int) throws {
        let store = try GraphStore(path: path)
        let entities = max(100, relations / 10), documents = max(10, relations / 10)
        let families = RelationFamily.allCases.map(\.rawValue)
        try store.db.write { db in
            let doc = try db.cachedStatement(sql: """
                INSERT INTO document (id, path, content_hash, bylines, text, sentence_count, ingested_at) VALUES (?, ?, ?, '[]', ?, 1, 'synthetic')
                """)
            for d in 0..<documents { try doc.execute(arguments: ["doc-\(d).txt", "doc-\(d).txt", "h\(d)", "Synthetic report \(d)."]) }
            let ent = try db.cachedStatement(sql: "INSERT INTO entity (id, name, type) VALUES (?, ?, 'organization')")
            let alias = try db.cachedStatement(sql: "INSERT INTO alias (entity_id, alias, key) VALUES (?, ?, ?)")
            for e in 0..<entities {
                let name = e < 5 ? "Hub \(e)" : "Entity \(e)"
                try ent.execute(arguments: ["e\(e)", name])
                try alias.execute(arguments: ["e\(e)", name, TextNormalization.key(name)])
            }
            let rel = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO relation (head, tail, family, confidence, sources, log_miss) VALUES (?, ?, ?, 0.6, 1, ?)
                """)
            let ev = try db.cachedStatement(sql: #"INSERT INTO evidence (relation_id, document_id, text, start, "end", confidence) VALUES (?, ?, ?, 0, 60, 0.6)"#)
            let src = try db.cachedStatement(sql: "INSERT INTO relation_source (relation_id, document_id, confidence) VALUES (?, ?, 0.6)")
            var rng = SyntheticCorpus.Generator(seed: 11)
            var made = 0
            while made < relations {
                let head: Int, tail: Int
                if made < 5 * hub { head = made / hub; tail = 5 + rng.next(entities - 5) } // the hubs
                else { head = 5 + rng.next(entities - 5); tail = 5 + rng.next(entities - 5) }
                guard head != tail else { continue }
                let family = families[rng.next(families.count)]
                try rel.execute(arguments: ["e\(head)", "e\(tail)", family, log(0.4)])
                guard db.changesCount == 1 else { continue }
                let id = db.lastInsertedRowID, d = "doc-\(made % documents).txt"
                try ev.execute(arguments: [id, d, "Entity \(head) and entity \(tail) are linked in synthetic report \(made % documents)."])
                try src.execute(arguments: [id, d])
                made += 1
            }
        }
        // fold the WAL into the database, as a build's regular checkpoints do (one huge transaction made it large)
        try store.db.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    static func queries(kg: String, root: URL, relations: Int, hub: Int, repeats: Int) throws -> [String] {
        let path = root.appendingPathComponent("queries.sqlite").path
        let g0 = Measured.now()
        try syntheticStore(path, relations: relations, hub: hub)
        let made = Measured.now() - g0
        var lines = [String(format: "queries as whole processes on a synthetic store of %d relations, 5 hubs of %d (made in %.0f s), best of %d; against the sqlite3 CLI running the same indexed query",
                            relations, hub, made, repeats)]
        let sqlite = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        // a low-degree entity adjacent to hub 0, and another one
        let store = try GraphStore.openExisting(path: path)
        let (low, other) = try store.db.read { db -> (String, String) in
            let ids = try String.fetchAll(db, sql: "SELECT tail FROM relation WHERE head = 'e0' ORDER BY id LIMIT 2")
            return (ids[0], ids[1])
        }
        let lowName = "Entity " + low.dropFirst(), otherName = "Entity " + other.dropFirst()
        let firstSentence = #"(SELECT text FROM evidence WHERE relation_id = r.id ORDER BY document_id, start LIMIT 1)"#
        func neighborsSQL(_ id: String) -> String {
            """
            SELECT r.family, e.name, r.sources, \(firstSentence) FROM relation r JOIN entity e ON e.id = r.tail WHERE r.head = '\(id)'
            UNION ALL SELECT r.family, e.name, r.sources, \(firstSentence) FROM relation r JOIN entity e ON e.id = r.head WHERE r.tail = '\(id)'
            ORDER BY 3 DESC, 2 LIMIT 1000;
            """
        }
        func showSQL(_ id: String) -> String {
            """
            SELECT r.head, r.family, r.tail, r.confidence, v.document_id, v.start, v.text FROM relation r JOIN evidence v ON v.relation_id = r.id WHERE r.head = '\(id)'
            UNION ALL SELECT r.head, r.family, r.tail, r.confidence, v.document_id, v.start, v.text FROM relation r JOIN evidence v ON v.relation_id = r.id WHERE r.tail = '\(id)';
            """
        }
        let pathSQL = """
            WITH a(n) AS (SELECT tail FROM relation WHERE head = '\(low)' UNION SELECT head FROM relation WHERE tail = '\(low)'),
                 b(n) AS (SELECT tail FROM relation WHERE head = '\(other)' UNION SELECT head FROM relation WHERE tail = '\(other)')
            SELECT n FROM a INTERSECT SELECT n FROM b LIMIT 1;
            """
        let cases: [(String, [String], String?)] = [
            ("neighbors, hub (\(hub) relations; 1000 shown)", ["neighbors", "Hub 0"], neighborsSQL("e0")),
            ("neighbors, low-degree entity", ["neighbors", lowName], neighborsSQL(low)),
            ("neighbors --depth 2, low-degree entity by a hub", ["neighbors", lowName, "--depth", "2"], nil),
            ("path, two entities through a hub", ["path", lowName, otherName], pathSQL),
            ("show, low-degree entity", ["show", lowName], showSQL(low)),
            ("show, hub (every relation, all evidence)", ["show", "Hub 0"], showSQL("e0")),
        ]
        func column(_ name: String) -> String { "  " + name.padding(toLength: 50, withPad: " ", startingAt: 0) }
        let start = try Measured.best(repeats) { try Measured.quick(kg, ["--version"]) }
        lines.append(column("kg --version (process start-up)") + String(format: "%9.1f ms", start.seconds * 1000))
        // the sqlite3 CLI's own start-up on this store: the 'net' ratio compares the query work alone
        let sqliteStart = try sqlite.map { sqlite in try Measured.best(repeats) { try Measured.quick(sqlite, ["-readonly", path, "SELECT 1;"]) } }
        if let sqliteStart {
            lines.append(column("sqlite3 'SELECT 1' on the store (start-up)") + String(format: "%9.1f ms", sqliteStart.seconds * 1000))
        }
        for (name, args, sql) in cases {
            let k = try Measured.best(repeats) { try Measured.quick(kg, args + ["--store", path]) }
            guard k.status == 0 else { throw BenchError.failed("kg \(args.joined(separator: " ")) exited with \(k.status)") }
            // peak memory from one more run, sampled (a spawned child's own rusage starts from this process's)
            let peak = try Measured.process(kg, args + ["--store", path]).peakMB
            var line = column(name) + String(format: "%9.1f ms  peak %4.0f MB", k.seconds * 1000, peak)
            if let sqlite, let sql {
                let s = try Measured.best(repeats) { try Measured.quick(sqlite, ["-readonly", path, sql]) }
                line += String(format: "   sqlite3 %7.1f ms   %5.2fx", s.seconds * 1000, k.seconds / s.seconds)
                if let sqliteStart {
                    let kNet = max(k.seconds - start.seconds, 1e-5), sNet = max(s.seconds - sqliteStart.seconds, 1e-5)
                    line += String(format: "   net of start-up %6.1f / %6.1f ms = %5.2fx", kNet * 1000, sNet * 1000, kNet / sNet)
                }
            }
            lines.append(line)
        }
        if sqlite == nil { lines.append("  (sqlite3 CLI not found: apt-get install sqlite3)") }
        let (n, bytes) = try storeSize(path)
        lines.append(String(format: "  synthetic store: %.0f bytes per relation", Double(bytes) / Double(max(1, n))))
        return lines
    }
}

enum BenchError: LocalizedError {
    /// A measured run failed; the benchmark is not valid.
    case failed(String)
    var errorDescription: String? {
        switch self { case .failed(let why): return "benchmark failed: \(why)" }
    }
}

/// Wall time and peak memory of child processes.
enum Measured {
    struct Run {
        var status: Int32
        var seconds: Double
        /// Peak resident memory of the process itself, and of its largest child (a spaCy worker), in MB.
        var peakMB: Double
        var childPeakMB: Double
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Runs a program to its end, output discarded, sampling its and its children's peak memory (VmHWM).
    static func process(_ program: String, _ args: [String]) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        let t0 = now()
        try p.run()
        var peak = 0.0, childPeak = 0.0
        while p.isRunning {
            peak = max(peak, highWater(p.processIdentifier))
            for c in children(p.processIdentifier) { childPeak = max(childPeak, highWater(c)) }
            usleep(50_000)
        }
        p.waitUntilExit()
        return Run(status: p.terminationStatus, seconds: now() - t0, peakMB: peak, childPeakMB: childPeak)
    }

    /// Runs a short program to its end, output discarded, timed from spawn to exit with nothing
    /// polled in between (a polling loop would add up to its period to every run).
    static func quick(_ program: String, _ args: [String]) throws -> Run {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let t0 = now()
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError.failed("cannot run \(program): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let seconds = now() - t0
        let exited = status & 0x7f == 0
        // no peak memory: a spawned child's maxrss starts from the parent's (posix_spawn shares its memory until exec)
        return Run(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), seconds: seconds, peakMB: 0, childPeakMB: 0)
    }

    static func best(_ n: Int, _ body: () throws -> Run) throws -> Run {
        var best: Run?
        for _ in 0..<n {
            let r = try body()
            if best == nil || r.seconds < best!.seconds { best = r }
        }
        return best!
    }

    /// VmHWM of a process in MB (0 when gone).
    static func highWater(_ pid: Int32) -> Double {
        guard let status = procFile("/proc/\(pid)/status"), let r = status.range(of: "VmHWM:") else { return 0 }
        let kb = status[r.upperBound...].prefix { $0 != "\n" }.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kb / 1024
    }

    /// Children of a process, whichever of its threads started them.
    static func children(_ pid: Int32) -> [Int32] {
        guard let dir = opendir("/proc/\(pid)/task") else { return [] }
        defer { closedir(dir) }
        var out: [Int32] = []
        while let entry = readdir(dir) {
            let tid = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard Int32(tid) != nil, let s = procFile("/proc/\(pid)/task/\(tid)/children") else { continue }
            out += s.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        return out
    }

    /// A small /proc file's text, read with plain POSIX calls into one buffer (sampled every 50 ms
    /// for an hour: Foundation's file reading grew the benchmark's own memory by gigabytes).
    static func procFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 8192)
        var got = 0
        while got < buffer.count {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, $0.count - got) }
            if n <= 0 { break }
            got += n
        }
        return String(decoding: buffer[..<got], as: UTF8.self)
    }
}
