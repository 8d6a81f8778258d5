import ArgumentParser
import Foundation
import Graph

extension KG {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the graph as DOT, JSON, GraphML, or CSV for Neo4j.",
            discussion: """
                dot and json go to stdout without -o. graphml: GraphML with typed keys (Gephi, Cytoscape, yEd).
                csv: -o names a folder that receives nodes.csv and relations.csv with Neo4j admin-import headers.
                """)

        @OptionGroup var options: StoreOptions

        @Option(help: "dot, json, graphml or csv.")
        var format: ExportFormat

        @Option(name: .shortAndLong, help: "Output file (a folder for csv); stdout when absent.")
        var output: String?

        func validate() throws {
            if format == .csv && output == nil { throw ValidationError("'--format csv' writes a folder: give it with '-o FOLDER'") }
        }

        func run() throws {
            let graph = try options.open().snapshot()
            switch format {
            case .csv:
                let dir = output!
                try AtomicWriter.write(Data(CSVExporter.nodes(graph).utf8), to: (dir as NSString).appendingPathComponent("nodes.csv"))
                try AtomicWriter.write(Data(CSVExporter.relations(graph).utf8), to: (dir as NSString).appendingPathComponent("relations.csv"))
                print("wrote \(dir)/nodes.csv and \(dir)/relations.csv")
                return
            case .dot:
                try emit(Data(try GraphvizRenderer().dot(graph, title: "kg").utf8))
            case .json:
                try emit(try JSONExporter.export(graph))
            case .graphml:
                try emit(GraphMLExporter.export(graph))
            }
        }

        private func emit(_ data: Data) throws {
            if let output {
                try AtomicWriter.write(data, to: output)
                print("wrote \(output)")
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }
}
