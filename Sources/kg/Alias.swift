import ArgumentParser
import Graph

extension KG {
    struct Alias: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "alias",
            abstract: "Add names an entity is known by (a correction: kept and applied to every later build).",
            discussion: "Example: kg alias \"Volodymyr Zelensky\" Zelenskyy \"President Zelensky\"")

        @OptionGroup var options: StoreOptions

        @Argument(help: "An entity name or alias.")
        var entity: String

        @Argument(help: "The names to add.")
        var names: [String]

        func run() throws {
            let store = try options.openForWriting()
            let e = try store.resolveEntity(entity)
            let c = try store.addAliases(e, names)
            print("\(e.name): aliases added: \(c.names.joined(separator: "; "))")
        }
    }
}
