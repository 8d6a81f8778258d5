import Foundation
import GRDB

// grdbq STORE SQL: sqlq without swift-argument-parser (arguments read by position), to tell the
// parser's share of the floor from GRDB's and Foundation's.
let args = CommandLine.arguments
guard args.count == 3 else {
    FileHandle.standardError.write(Data("usage: grdbq STORE SQL\n".utf8))
    exit(2)
}
var config = Configuration()
config.readonly = true
let queue = try DatabaseQueue(path: args[1], configuration: config)
let rows = try queue.read { try Row.fetchAll($0, sql: args[2]) }
var out = ""
for row in rows { out += row.databaseValues.map(\.description).joined(separator: "|") + "\n" }
FileHandle.standardOutput.write(Data(out.utf8))
