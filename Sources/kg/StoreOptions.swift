import ArgumentParser
import Foundation
import Graph

/// The option every subcommand shares: where the graph lives.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The graph store (SQLite).")
    var store: String = "out/kg.sqlite"

    /// Opens the store, which must exist for reading commands.
    func open() throws -> GraphStore {
        try GraphStore.openExisting(path: store)
    }

    /// Opens the store for writing (corrections, remove); it must exist. An older kg store is upgraded.
    func openForWriting() throws -> GraphStore {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: store, isDirectory: &isDir), !isDir.boolValue else {
            throw StoreError.cannotOpen(store, reason: "no such file; run 'kg build PATH...' first")
        }
        return try GraphStore(path: store)
    }
}

extension EntityType: ExpressibleByArgument {}
extension RelationFamily: ExpressibleByArgument {}
extension Direction: ExpressibleByArgument {}
extension EntitySort: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
