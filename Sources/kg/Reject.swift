import ArgumentParser
import Graph

extension KG {
    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reject",
            abstract: "Hide a wrong relation from every query, drawing and export, now and after every rebuild (a correction).",
            discussion: "Example: kg reject Putin leads \"Kursk\" --document 03_report.txt --reason \"misread apposition\". 'kg accept' undoes it.")

        @OptionGroup var options: StoreOptions
        @OptionGroup var relation: RelationArguments

        @Option(help: "Why (kept with the correction).")
        var reason: String?

        func run() throws {
            let store = try options.openForWriting()
            let head = try store.resolveEntity(relation.head), tail = try store.resolveEntity(relation.tail)
            try store.reject(head: head, family: relation.family, tail: tail, document: relation.document, reason: reason)
            print("rejected \(head.name) -[\(relation.family.rawValue)]-> \(tail.name)" + (relation.document.map { " in \($0)" } ?? ""))
        }
    }
}
