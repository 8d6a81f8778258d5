import ArgumentParser
import Foundation
import Graph

extension KG {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure extraction, storage and query speed, as ratios against baselines in the same run.")

        @Argument(help: "Article files or folders to measure on.")
        var paths: [String] = ["Examples/corpus"]

        @Option(help: "Repetitions of each measurement (the best is kept).")
        var repeats: Int = 5

        func validate() throws {
            if repeats < 1 { throw ValidationError("'--repeats' must be at least 1") }
        }

        func run() throws {
            let report = try Benchmark.run(paths: paths, repeats: repeats)
            print(report.text)
        }
    }
}
