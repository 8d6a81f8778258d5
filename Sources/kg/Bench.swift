import ArgumentParser
import Foundation
import Graph

extension KG {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench",
            abstract: "Measure extraction, storage and query speed, as ratios against baselines in the same run.",
            discussion: """
                Without --scale: the quick rows (extraction, storing distinct documents, rendering, queries on a small synthetic \
                store, build time at 1 and 3 MB of synthetic articles). With --scale: build time at 1, 10 and 100 MB, one core \
                against two, and queries as whole processes on a synthetic store of 1M relations with hubs of 50k, against the \
                same indexed queries through the sqlite3 CLI. --write-corpus writes the synthetic articles and exits; --write-store \
                writes the synthetic query store and exits.
                """)

        @Argument(help: "Article files or folders to measure on.")
        var paths: [String] = ["Examples/corpus"]

        @Option(parsing: .unconditional, help: "Repetitions of each measurement (the best is kept).")
        var repeats: Int = 5

        @Flag(help: "Also run the large measurements (100 MB build, 1M-relation store); takes long.")
        var scale = false

        @Option(parsing: .upToNextOption, help: "Corpus sizes in MB for build time against size (default 1 3; with --scale 1 10 100).")
        var sizes: [Double] = []

        @Option(parsing: .unconditional, help: "Relations of the synthetic query store (default 60000; with --scale 1000000).")
        var relations: Int?

        @Option(parsing: .unconditional, help: "Relations of each of its five hubs (default 5000; with --scale 50000).")
        var hub: Int?

        @Option(help: "Write synthetic articles into this folder (see --megabytes) and exit.")
        var writeCorpus: String?

        @Option(help: "Write the synthetic query store (see --relations, --hub) to this file and exit.")
        var writeStore: String?

        @Option(parsing: .unconditional, help: "With --write-corpus: how many MB of articles.")
        var megabytes: Double = 1

        func validate() throws {
            if repeats < 1 { throw ValidationError("'--repeats' must be at least 1") }
            if !(megabytes > 0) { throw ValidationError("'--megabytes' must be more than 0") }
            if sizes.contains(where: { !($0 > 0) }) { throw ValidationError("'--sizes' must be more than 0 MB each") }
            let r = relations ?? 60_000, h = hub ?? 5_000
            if r < 1000 || h < 1 || 5 * h > r { throw ValidationError("'--relations' must be at least 1000 and at least 5 x '--hub'") }
        }

        func run() throws {
            if let folder = writeCorpus {
                let n = try SyntheticCorpus.write(to: URL(fileURLWithPath: folder), bytes: Int(megabytes * 1_000_000))
                print("wrote \(n) articles to \(folder)")
                return
            }
            if let path = writeStore {
                if FileManager.default.fileExists(atPath: path) { throw ValidationError("'--write-store \(path)': the file exists") }
                let (r, h) = (relations ?? (scale ? 1_000_000 : 60_000), hub ?? (scale ? 50_000 : 5_000))
                try ScaleBenchmark.writeSyntheticStore(path, relations: r, hub: h)
                print("wrote a synthetic store of \(r) relations, 5 hubs of \(h), to \(path)")
                return
            }
            let report = try Benchmark.run(paths: paths, repeats: repeats)
            print(report.text)
            let kg = Bundle.main.executableURL?.resolvingSymlinksInPath().path ?? CommandLine.arguments[0]
            let sizes = !self.sizes.isEmpty ? self.sizes : (scale ? [1, 10, 100] : [1, 3])
            print(try ScaleBenchmark.run(kg: kg, sizes: sizes, relations: relations ?? (scale ? 1_000_000 : 60_000),
                                         hub: hub ?? (scale ? 50_000 : 5_000), repeats: repeats).text)
        }
    }
}
