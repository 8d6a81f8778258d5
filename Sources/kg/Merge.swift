import ArgumentParser
import Graph

extension KG {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge entities into one: mentions, aliases, relations and evidence follow (a correction).",
            discussion: """
                Relations that become one after the merge combine their evidence; a relation between the merged entities goes. \
                Entities of different types need --type for the merged one.
                """)

        @OptionGroup var options: StoreOptions

        @Argument(help: "The entity kept (its name stays).")
        var keep: String

        @Argument(help: "The entities merged into it.")
        var others: [String]

        @Option(help: "The merged entity's type (required when the types differ).")
        var type: EntityType?

        func run() throws {
            let store = try options.openForWriting()
            let kept = try store.resolveEntity(keep)
            let rest = try others.map { try store.resolveEntity($0) }
            let c = try store.merge(keep: kept, others: rest, type: type)
            print("merged \(rest.map(\.name).joined(separator: ", ")) into \(kept.name) (\(c.entity))")
        }
    }
}
