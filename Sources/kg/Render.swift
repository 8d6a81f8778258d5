import ArgumentParser
import Foundation
import Graph

extension KG {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the graph (or the diagram around one entity) through Graphviz.")

        @OptionGroup var options: StoreOptions

        @Option(name: .shortAndLong, help: "Output file (default: out/graph.<format>); - for stdout (status lines then go to stderr).")
        var output: String?

        @Option(help: "svg, png or pdf.")
        var format: String = "svg"

        @Option(help: "Graphviz layout engine: dot, neato, fdp, sfdp, circo or twopi.")
        var layout: String = "dot"

        @Option(help: "Draw only the entities within --depth relations of this one.")
        var focus: String?

        @Option(help: "With --focus: how many relations away to go.")
        var depth: Int = 1

        @Flag(help: "Also draw entities that take part in no relation.")
        var isolated = false

        func validate() throws {
            if depth < 1 { throw ValidationError("'--depth' must be at least 1") }
        }

        func run() throws {
            if output == "-" { Output.statusToStandardError = true }
            let store = try options.open()
            var graph: GraphSnapshot
            var title = "kg"
            if let focus {
                let entity = try store.resolveEntity(focus)
                graph = try store.egoSnapshot(around: entity, depth: depth)
                title = "\(entity.name): relations within \(depth)"
            } else {
                graph = try store.snapshot()
                title = "kg: \(graph.documents.count) articles, \(graph.entities.count) entities, \(graph.relations.count) relations"
            }
            let all = graph.entities.count
            if !isolated { graph = graph.withoutIsolatedEntities() }
            let out = try GraphvizRenderer().render(graph, format: format, layout: layout, title: title)
            if graph.entities.count < all { print("left out \(all - graph.entities.count) entities without relations (--isolated draws them)") }
            let path = output ?? "out/graph.\(format)"
            try Output.writeFile(out.data, to: path)
            if let note = out.note { print("note: \(note)") }
            if let warnings = out.warnings { print("graphviz: \(warnings)") }
            print("wrote \(path) (\(graph.entities.count) entities, \(graph.relations.count) relations, layout \(out.layout))")
        }
    }
}
