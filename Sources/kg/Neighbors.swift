import ArgumentParser
import Graph

extension KG {
    struct Neighbors: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who is connected to an entity, how, and says who.",
            discussion: "ENTITY matches names and aliases, case-insensitively (\"kursk\", \"Gerasimov\", \"the Kremlin\").")

        @OptionGroup var options: StoreOptions

        @Argument(help: "An entity name or alias.")
        var entity: String

        @Option(help: "How many relations away to go.")
        var depth: Int = 1

        @Option(name: .customLong("family"), help: "Only these relation families (repeatable).")
        var families: [RelationFamily] = []

        @Option(help: "out (the entity is the head), in, or both.")
        var direction: Direction = .both

        @Option(help: "Only neighbors of this type.")
        var type: EntityType?

        @Flag(help: "Print JSON with every citing sentence.")
        var json = false

        func validate() throws {
            if depth < 1 { throw ValidationError("'--depth' must be at least 1") }
        }

        func run() throws {
            let store = try options.open()
            let e = try store.resolveEntity(entity)
            let found = try store.neighbors(of: e, depth: depth, families: Set(families), direction: direction, type: type)
            if json {
                try printJSON(NeighborsJSON(entity: e, neighbors: found))
                return
            }
            print("\(e.name) (\(e.type.rawValue)): \(found.count) neighbor relation\(found.count == 1 ? "" : "s")")
            let documents = Dictionary(try store.documents().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var known = [e.id: e]
            for n in found { known[n.entity.id] = n.entity }
            var rows: [[String]] = found.map { n in
                [depth > 1 ? "\(n.depth)" : nil, depth > 1 ? n.fromName : nil, Format.arrow(n.direction), n.family.rawValue, n.entity.name,
                 "(\(n.entity.type.rawValue))", Format.articles(n.evidence), ""].compactMap { $0 }
            }
            // the evidence takes what the other columns leave of the terminal's width, or a line of its own
            let indent = Format.table(rows).split(separator: "\n").map(\.count).max() ?? 0
            let ownLine = Format.terminalWidth.map { $0 - indent < 60 } ?? false
            var lines: [String] = []
            for (i, n) in found.enumerated() {
                let from = known[n.from] ?? Format.entity(n.from, n.fromName, in: store)
                let ev = n.evidence.first.map { Format.evidence($0, names: [from, n.entity], documents: documents, indent: ownLine ? 4 : indent) } ?? ""
                if ownLine { lines.append("    " + ev) } else { rows[i][rows[i].count - 1] = ev }
            }
            if rows.isEmpty { return }
            if !ownLine { print(Format.table(rows)); return }
            for (row, ev) in zip(Format.table(rows).split(separator: "\n"), lines) { print(row.trimmingCharacters(in: .whitespaces)); print(ev) }
        }

        struct NeighborsJSON: Encodable {
            var entity: Entity
            var neighbors: [Graph.Neighbor]
        }
    }
}
