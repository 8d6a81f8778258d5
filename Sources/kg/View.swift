import ArgumentParser
import Foundation
import Graph

extension KG {
    struct View: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "view",
            abstract: "Write the graph as one self-contained HTML page: the diagram, search, filters and the evidence of every edge.",
            discussion: """
                The page needs no network and loads no external script: the SVG, the data (JSON) and the page's script are \
                inside it. Search an entity to highlight it and its neighbors; filter by type, family and minimum number of \
                articles; click a node or an edge to read the sentences that state it, with each article's title, outlet, \
                date and link. --top, --min-sources, --family, --type and --focus choose what is laid out, as for render.
                """)

        @OptionGroup var options: StoreOptions
        @OptionGroup var dates: DateRangeOptions
        @OptionGroup var selection: DiagramOptions
        @OptionGroup var engine: LayoutOptions

        @Option(name: .shortAndLong, help: "Output file; - for stdout (status lines then go to stderr).")
        var output: String = "out/graph.html"

        func run() throws {
            if output == "-" { Output.statusToStandardError = true }
            let diagram = try selection.diagram(try dates.apply(options.open()), output: output)
            let out = try engine.renderer.render(diagram, format: "svg", layout: engine.layout)
            let page = try ViewerPage.html(diagram, svg: out.data)
            try Output.writeFile(Data(page.utf8), to: output)
            if let note = out.note { Output.standardError.write(TerminalText.sanitize("note: \(note)\n")) }
            if let warnings = out.warnings { print("graphviz: \(warnings)") }
            print("wrote \(output): \(diagram.title.dropFirst(4)), layout \(out.layout)")
        }
    }
}
