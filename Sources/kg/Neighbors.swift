import ArgumentParser
import Graph

extension KG {
    struct Neighbors: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "neighbors",
            abstract: "Who is connected to an entity, how, and says who.",
            discussion: "ENTITY matches names and aliases, case-insensitively (\"kursk\", \"Gerasimov\", \"the Kremlin\").")

        @OptionGroup var options: StoreOptions
        @OptionGroup var dates: DateRangeOptions

        @Argument(help: "An entity name or alias.")
        var entity: String

        @Option(parsing: .unconditional, help: "How many relations away to go.")
        var depth: Int = 1

        @Option(name: .customLong("family"), help: "Only these relation families (repeatable).")
        var families: [RelationFamily] = []

        @Option(help: "out (the entity is the head), in, or both.")
        var direction: Direction = .both

        @Option(help: "Only neighbors of this type.")
        var type: EntityType?

        @Flag(help: "Print JSON with every citing sentence.")
        var json = false

        @Option(parsing: .unconditional, help: "At most this many neighbors, nearest and most cited first (0: all).")
        var limit: Int = 1000

        func validate() throws {
            if depth < 1 { throw ValidationError("'--depth' must be at least 1") }
            if limit < 0 { throw ValidationError("'--limit' must be 0 (all) or more") }
        }

        func run() throws {
            let store = try dates.apply(options.open())
            let e = try store.resolveEntity(entity)
            // text shows one citing sentence per neighbor: only that one is loaded
            let found = try store.neighbors(of: e, depth: depth, families: Set(families), direction: direction, type: type,
                                            evidence: json ? .all : .first, limit: limit == 0 ? nil : limit)
            if json {
                try printJSON(NeighborsJSON(entity: e, neighbors: found))
                return
            }
            print("\(e.name) (\(e.type.rawValue)): \(found.count) neighbor relation\(found.count == 1 ? "" : "s")")
            let documents = try store.documents(ids: Set(found.flatMap { $0.evidence.map(\.documentID) }))
            var known = [e.id: e]
            for n in found { known[n.entity.id] = n.entity }
            var rows: [[String]] = found.map { n in
                [depth > 1 ? "\(n.depth)" : nil, depth > 1 ? n.fromName : nil, Format.arrow(n.direction), n.family.rawValue, n.entity.name,
                 "(\(n.entity.type.rawValue))", "\(n.sources) article\(n.sources == 1 ? "" : "s")", ""].compactMap { $0 }
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
            if !rows.isEmpty && !ownLine { print(Format.table(rows)) }
            if !rows.isEmpty && ownLine {
                for (row, ev) in zip(Format.table(rows).split(separator: "\n"), lines) { print(row.trimmingCharacters(in: .whitespaces)); print(ev) }
            }
            if limit > 0 && found.count == limit { print("(the first \(limit) shown; --limit 0 shows all)") }
        }

        struct NeighborsJSON: Encodable {
            var entity: Entity
            var neighbors: [Graph.Neighbor]
        }
    }
}
