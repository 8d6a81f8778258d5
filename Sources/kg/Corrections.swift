import ArgumentParser
import Foundation
import Graph

extension KG {
    struct Corrections: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "corrections",
            abstract: "List, export or import the corrections (alias, merge, rename, retype, reject, accept).",
            discussion: """
                Corrections are data in the store, applied in the order they were made to what is stored and to every later build. \
                The file 'export' writes is JSON: {"format": "kg-corrections", "version": 1, "corrections": [{"kind", "entity", "made", ...}]}.
                """,
            subcommands: [List.self, ExportFile.self, ImportFile.self],
            defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "Every correction, with when it was made.")

            @OptionGroup var options: StoreOptions

            @Flag(help: "Print JSON: [{\"kind\", \"entity\", \"made\", ...}].")
            var json = false

            func run() throws {
                let list = try options.open().corrections()
                if json { try printJSON(list); return }
                if list.isEmpty { print("no corrections"); return }
                print(Format.table([["MADE", "CORRECTION"]] + list.map { [$0.made, $0.summary] }))
            }
        }

        struct ExportFile: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "export", abstract: "Write every correction to a JSON file.")

            @OptionGroup var options: StoreOptions

            @Argument(help: "The file to write.")
            var file: String

            func run() throws {
                let list = try options.open().corrections()
                try AtomicWriter.write(try CorrectionsFile.encode(list), to: file)
                print("wrote \(list.count) correction\(list.count == 1 ? "" : "s") to \(file)")
            }
        }

        struct ImportFile: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import", abstract: "Add the corrections of a file (those not stored yet) and apply them, all or none.")

            @OptionGroup var options: StoreOptions

            @Argument(help: "A file written by 'kg corrections export'.")
            var file: String

            func run() throws {
                let list = try CorrectionsFile.read(file)
                let added = try options.openForWriting().importCorrections(list, from: file)
                print("imported \(added) new correction\(added == 1 ? "" : "s") of \(list.count) from \(file)")
            }
        }
    }
}
