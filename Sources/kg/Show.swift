import ArgumentParser
import Graph

extension KG {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Everything known about one entity: type, aliases, mentions per article, every relation with all evidence.")

        @OptionGroup var options: StoreOptions
        @OptionGroup var dates: DateRangeOptions

        @Argument(help: "An entity name or alias.")
        var entity: String

        @Flag(help: "Print JSON.")
        var json = false

        func run() throws {
            let store = try dates.apply(options.open())
            let card = try store.card(for: try store.resolveEntity(entity))
            if json { try printJSON(card); return }
            let e = card.entity
            let documents = try store.documents(ids: Set(card.relations.flatMap { $0.evidence.map(\.documentID) } + card.mentions.map(\.document)))
            print("\(e.name)  [\(e.type.rawValue)]  id \(e.id)")
            if !e.aliases.isEmpty { print("aliases: \(e.aliases.joined(separator: "; "))") }
            print("\nmentions:")
            for m in card.mentions { print("  \(m.document): \(m.count) (\(m.texts.joined(separator: ", ")))") }
            print("\nrelations:")
            for r in card.relations {
                let head = card.names[r.head] ?? r.head, tail = card.names[r.tail] ?? r.tail
                print("  \(head) -[\(r.family.rawValue)]-> \(tail)   confidence \(r.confidence), \(Format.articles(r.evidence)), \(r.evidence.count) sentence\(r.evidence.count == 1 ? "" : "s")")
                let names = [r.head, r.tail].map { id in id == e.id ? e : Format.entity(id, card.names[id] ?? id, in: store) }
                for ev in r.evidence { print("      " + Format.evidence(ev, names: names, documents: documents, indent: 6)) }
            }
        }
    }

    struct Entities: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "entities", abstract: "List entities with their mentions, degree and documents.")

        @OptionGroup var options: StoreOptions
        @OptionGroup var dates: DateRangeOptions

        @Option(help: "Only entities of this type.")
        var type: EntityType?

        @Option(help: "name, degree or mentions.")
        var sort: EntitySort = .name

        @Flag(help: "Print JSON.")
        var json = false

        func run() throws {
            let list = try dates.apply(options.open()).entities(type: type, sort: sort)
            if json { try printJSON(list); return }
            var rows = [["NAME", "TYPE", "MENTIONS", "DEGREE", "DOCS"]]
            rows += list.map { [$0.entity.name, $0.entity.type.rawValue, "\($0.mentions)", "\($0.degree)", "\($0.documents)"] }
            print(Format.table(rows))
        }
    }

    struct Documents: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "documents", abstract: "List stored documents: id, title, outlet, date, source URL, counts.")

        @OptionGroup var options: StoreOptions

        @Flag(help: "Print JSON.")
        var json = false

        struct Line: Encodable {
            var document: Document
            var mentions: Int, entities: Int, relations: Int
        }

        func run() throws {
            let store = try options.open()
            let lines = try store.documents().map { d in
                let c = try store.counts(documentID: d.id)
                return Line(document: d, mentions: c.mentions, entities: c.entities, relations: c.relations)
            }
            if json { try printJSON(lines); return }
            var rows = [["ID", "ENTITIES", "RELATIONS", "OUTLET", "DATE", "DATE FROM", "TITLE / SOURCE"]]
            rows += lines.map { l in
                [l.document.id, "\(l.entities)", "\(l.relations)", l.document.outlet ?? "-", l.document.isoDate ?? "-",
                 l.document.dateOrigin ?? "-",
                 Format.shorten(l.document.title ?? l.document.sourceURL ?? "-", 60)]
            }
            print(Format.table(rows))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Retract a document: its mentions and evidence go, and relations and entities left without any go too.")

        @OptionGroup var options: StoreOptions

        @Argument(help: "The document id (its file name).")
        var document: String

        func run() throws {
            try options.openForWriting().remove(documentID: document)
            print("removed \(document)")
        }
    }
}
