import ArgumentParser
import Graph

extension KG {
    struct Neighbors: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who is connected to an entity, how, and says who.",
            discussion: "ENTITY matches names and aliases, case-insensitively (\"kursk\", \"Gerasimov\", \"the Kremlin\").")

        @OptionGroup var options: StoreOptions
        @OptionGroup var dates: DateRangeOptions

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

        @Option(help: "At most this many neighbors, nearest and most cited first (0: all).")
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
            var rows: [[String]] = []
            for n in found {
                let ev = n.evidence.first.map { "\($0.documentID): \(Format.shorten($0.text, 80))" } ?? ""
                rows.append([depth > 1 ? "\(n.depth)" : nil, depth > 1 ? n.fromName : nil, Format.arrow(n.direction), n.family.rawValue, n.entity.name,
                             "(\(n.entity.type.rawValue))", "\(n.sources) src", ev].compactMap { $0 })
            }
            if !rows.isEmpty { print(Format.table(rows)) }
            if limit > 0 && found.count == limit { print("(the first \(limit) shown; --limit 0 shows all)") }
        }

        struct NeighborsJSON: Encodable {
            var entity: Entity
            var neighbors: [Graph.Neighbor]
        }
    }
}
