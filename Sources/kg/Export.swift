import ArgumentParser
import Foundation
import Graph

extension KG {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export the graph as DOT, JSON, GraphML, or CSV for Neo4j.",
            discussion: """
                dot, json and graphml go to stdout without -o, or with '-o -' (status lines then go to stderr).
                graphml: GraphML with typed keys (Gephi, Cytoscape, yEd); every edge carries its evidence count, \
                its articles and all its sentences.
                csv: -o names a folder that receives nodes.csv, relations.csv (Neo4j admin-import headers) and \
                evidence.csv (one row per citing sentence); see the README for the import command.
                Files are replaced atomically, keep their permissions, and a symbolic link is written through.
                """)

        @OptionGroup var options: StoreOptions
        @OptionGroup var dates: DateRangeOptions

        @Option(help: "dot, json, graphml or csv.")
        var format: ExportFormat

        @Option(name: .shortAndLong, help: "Output file (a folder for csv); stdout when absent or '-'.")
        var output: String?

        func validate() throws {
            if format == .csv && (output == nil || output == "-") {
                throw ValidationError("'--format csv' writes a folder: give it with '-o FOLDER'")
            }
        }

        func run() throws {
            let graph = try dates.apply(options.open()).snapshot()
            switch format {
            case .csv:
                let dir = output!
                let files = CSVExporter.files(graph)
                for (name, text) in files {
                    try AtomicWriter.write(Data(text.utf8), to: (dir as NSString).appendingPathComponent(name))
                }
                print("wrote \(files.map { "\(dir)/\($0.name)" }.joined(separator: ", "))")
            case .dot:
                try emit(Data(try GraphvizRenderer().dot(graph, title: "kg").utf8))
            case .json:
                try emit(try JSONExporter.export(graph))
            case .graphml:
                try emit(GraphMLExporter.export(graph))
            }
        }

        private func emit(_ data: Data) throws {
            let target = output ?? "-"
            try Output.writeFile(data, to: target)
            if target != "-" { print("wrote \(target)") }
        }
    }
}
