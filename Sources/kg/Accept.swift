import ArgumentParser
import Graph

extension KG {
    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept",
            abstract: "Undo a rejection: the relation's hidden evidence comes back.")

        @OptionGroup var options: StoreOptions
        @OptionGroup var relation: RelationArguments

        func run() throws {
            let store = try options.openForWriting()
            let head = try store.resolveEntity(relation.head), tail = try store.resolveEntity(relation.tail)
            try store.accept(head: head, family: relation.family, tail: tail, document: relation.document)
            print("accepted \(head.name) -[\(relation.family.rawValue)]-> \(tail.name)" + (relation.document.map { " in \($0)" } ?? ""))
        }
    }
}
