import ArgumentParser
import Foundation
import Graph

extension KG {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "render",
            abstract: "Draw the graph (or the diagram around one entity) through Graphviz.",
            discussion: """
                By default the 40 most connected entities and, among them, the 60 best attested relations are drawn; \
                relations of one family between one pair merge into one edge; the title counts what is drawn. \
                The diagram has a legend; hovering a node shows its type, aliases and number of articles, hovering an edge \
                (line or label) its citing sentences with each article's title, outlet and date; a click opens the article \
                (its URL when known, else the local file). An edge's "×N" counts distinct articles. Engines slow at size \
                (dot above 300 nodes, circo above 80, twopi above 200, neato and fdp above 400) give way to sfdp, with a note \
                on stderr; a layout running past --time-limit seconds is stopped with an error.
                """)

        @OptionGroup var options: StoreOptions
        @OptionGroup var dates: DateRangeOptions
        @OptionGroup var selection: DiagramOptions
        @OptionGroup var engine: LayoutOptions

        @Option(name: .shortAndLong, help: "Output file (default: out/graph.<format>); - for stdout (status lines then go to stderr).")
        var output: String?

        @Option(help: "svg, png or pdf.")
        var format: String = "svg"

        func run() throws {
            if output == "-" { Output.statusToStandardError = true }
            let store = try dates.apply(options.open())
            let path = output ?? "out/graph.\(format)"
            let diagram = try selection.diagram(store, output: path)
            let out = try engine.renderer.render(diagram, format: format, layout: engine.layout)
            try Output.writeFile(out.data, to: path)
            if let note = out.note { Output.standardError.write(TerminalText.sanitize("note: \(note)\n")) }
            if let warnings = out.warnings { print("graphviz: \(warnings)") }
            print("wrote \(path): \(diagram.title.dropFirst(4)), layout \(out.layout)")
        }
    }
}
