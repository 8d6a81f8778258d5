import ArgumentParser
import Graph

@main
struct KG: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kg",
        abstract: "Build a knowledge graph from news articles, draw it, and ask it who is connected to whom.",
        discussion: """
            Entities (people, governments, organizations, military units, places) become nodes; relations between them become edges, each citing the sentences that state it.

              kg build Examples/corpus       ingest articles (.txt files or folders)
              kg render                      draw out/graph.svg through Graphviz
              kg view                        write out/graph.html: the diagram with search, filters and evidence
              kg neighbors Kursk             who is connected to Kursk, how, and says who
              kg timeline Kursk              what happened when, with the citing sentences
              kg merge KPA "Storm Corps"     fix the graph once: corrections survive rebuilds

            Corrections (alias, merge, rename, retype, reject, accept) are kept in the store and listed by 'kg corrections'.
            --since/--until keep only evidence from articles dated in a range.
            """,
        version: "0.1.0",
        subcommands: [Build.self, Render.self, View.self, Export.self, Neighbors.self, Path.self, Show.self,
                      Entities.self, Documents.self, ShowDocument.self, Remove.self, Explain.self, Bench.self,
                      Alias.self, Merge.self, Rename.self, Retype.self, Reject.self, Accept.self, Corrections.self, Timeline.self]
    )

    /// Runs through ``Output``: checked stdout, sanitized messages.
    static func main() { Output.main(KG.self) }
}
