import ArgumentParser
import Graph

extension KG {
    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rename",
            abstract: "Give an entity another name; the old one stays an alias (a correction).")

        @OptionGroup var options: StoreOptions

        @Argument(help: "An entity name or alias.")
        var entity: String

        @Argument(help: "The new name.")
        var name: String

        func run() throws {
            let store = try options.openForWriting()
            let e = try store.resolveEntity(entity)
            try store.rename(e, to: name)
            print("renamed \(e.name) to \(name)")
        }
    }
}
