import ArgumentParser
import Foundation
import Graph

/// What a diagram or the viewer shows: options shared by `render` and `view`.
struct DiagramOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Draw the N most connected entities (0: all).")
    var top: Int = 40

    @Option(parsing: .unconditional, help: "Draw at most M relations, the best attested (most articles, then confidence; 'says' last) (0: all).")
    var maxEdges: Int = 60

    @Option(parsing: .unconditional, help: "Draw only relations stated in at least K distinct articles.")
    var minSources: Int = 1

    @Option(name: .customLong("family"), parsing: .upToNextOption, help: "Draw only these relation families.")
    var families: [RelationFamily] = []

    @Option(name: .customLong("type"), parsing: .upToNextOption, help: "Draw only entities of these types.")
    var types: [EntityType] = []

    @Option(help: "Draw only the entities within --depth relations of this one, marked.")
    var focus: String?

    @Option(parsing: .unconditional, help: "With --focus: how many relations away to go.")
    var depth: Int = 1

    @Flag(help: "Also draw entities that take part in no drawn relation.")
    var isolated = false

    func validate() throws {
        if top < 0 { throw ValidationError("'--top' must be 0 (all) or more") }
        if maxEdges < 0 { throw ValidationError("'--max-edges' must be 0 (all) or more") }
        if minSources < 1 { throw ValidationError("'--min-sources' must be at least 1") }
        if depth < 1 { throw ValidationError("'--depth' must be at least 1") }
    }

    /// The diagram of the store's graph these options choose; links to local articles are
    /// relative to the folder of `output` (absolute when writing to stdout).
    func diagram(_ store: GraphStore, output: String) throws -> Diagram {
        let focusID = try focus.map { try store.resolveEntity($0).id }
        return Diagram(try store.snapshot(), options: .init(top: top == 0 ? nil : top, maxEdges: maxEdges == 0 ? nil : maxEdges, minSources: minSources, families: Set(families),
                                                            types: Set(types), focus: focusID, depth: depth, isolated: isolated),
                       linkBase: output == "-" ? nil : URL(fileURLWithPath: output).deletingLastPathComponent())
    }
}
