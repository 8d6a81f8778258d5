import ArgumentParser
import Foundation
import Graph

extension KG {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Show, sentence by sentence, the names kg resolves in an article and the relations it reads.",
            discussion: "Reads the file only; the store is not touched. Page chrome is left out, as in 'kg build'.")

        @OptionGroup var catalog: CatalogOptions

        @Argument(help: "An article (.txt).")
        var file: String

        @Flag(help: "Print JSON.")
        var json = false

        @Flag(help: "Also print each sentence's dependency arcs (head -label-> dependent, words numbered by position).")
        var arcs = false

        func run() throws {
            let text = try DocumentReader.read(URL(fileURLWithPath: file))
            let explained = try catalog.extractor().explain(text: text, annotator: SpacyAnnotator.shared)
            if explained.isEmpty { throw IngestError.empty(file) }
            if json { try printJSON(explained); return }
            for s in explained {
                print("@\(s.start)-\(s.end) \(s.text)")
                for n in s.names { print("    \(n.text) = \(n.entity) (\(n.type.rawValue))") }
                if arcs { for a in s.arcs { print("    \(a.head) -\(a.label)-> \(a.dependent)") } }
                for f in s.facts {
                    print("    => \(f.head) -[\(f.family.rawValue)]-> \(f.tail)   (\(f.trigger.isEmpty ? "" : "'\(f.trigger)': ")\(f.rule))")
                }
            }
        }
    }
}
