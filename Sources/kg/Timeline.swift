import ArgumentParser
import Graph

extension KG {
    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timeline",
            abstract: "Relations by the date of the articles that state them, earliest first, each with its citing sentence.",
            discussion: "One line per relation and article; articles without a date come last. Dates are those 'kg documents' shows.")

        @OptionGroup var options: StoreOptions
        @OptionGroup var dates: DateRangeOptions

        @Argument(help: "Only the relations of this entity (name or alias); all when absent.")
        var entity: String?

        @Flag(help: "Print JSON: [{\"date\", \"dateOrigin\", \"document\", \"head\", \"headName\", \"family\", \"tail\", \"tailName\", \"evidence\"}].")
        var json = false

        func run() throws {
            let store = try dates.apply(options.open())
            let list = try store.timeline(of: try entity.map { try store.resolveEntity($0) })
            if json { try printJSON(list); return }
            if list.isEmpty { print("no relations" + (try dates.range() == nil ? "" : " in the range")); return }
            for s in list {
                print("\(s.date ?? "undated   ")  \(s.headName) -[\(s.family.rawValue)]-> \(s.tailName)   (\(s.document))")
                if let first = s.evidence.first { print("            \(Format.shorten(first.text, 110))") }
            }
        }
    }
}
