import ArgumentParser
import Foundation
import GRDB

/// Runs one query on an SQLite file opened read-only, through swift-argument-parser and GRDB, and
/// prints the rows: the least a kg query command does, with the same libraries.
@main struct SQLQuery: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sqlq", abstract: "Run one SQL query read-only.")

    @Option(help: "The SQLite file.")
    var store: String

    @Argument(help: "The SQL query.")
    var sql: String

    func run() throws {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: store, configuration: config)
        let rows = try queue.read { try Row.fetchAll($0, sql: sql) }
        var out = ""
        for row in rows { out += row.databaseValues.map(\.description).joined(separator: "|") + "\n" }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
