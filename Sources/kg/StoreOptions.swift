import ArgumentParser
import Graph

/// The option every subcommand shares: where the graph lives.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The graph store (SQLite).")
    var store: String = "out/kg.sqlite"

    /// Opens the store, which must exist for reading commands.
    func open() throws -> GraphStore {
        try GraphStore.openExisting(path: store)
    }
}

extension EntityType: ExpressibleByArgument {}
extension RelationFamily: ExpressibleByArgument {}
extension Direction: ExpressibleByArgument {}
extension EntitySort: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
