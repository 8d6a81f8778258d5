import ArgumentParser
import Graph

extension KG {
    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "path",
            abstract: "The shortest chain of relations between two entities, citing one sentence per hop.")

        @OptionGroup var options: StoreOptions
        @OptionGroup var dates: DateRangeOptions

        @Argument(help: "Where the chain starts.")
        var from: String

        @Argument(help: "Where it ends.")
        var to: String

        @Option(parsing: .unconditional, help: "The longest chain to look for.")
        var maxDepth: Int = 4

        @Flag(help: "Print JSON: {\"hops\": [{\"from\", \"to\", \"family\", \"evidence\": [...]}]}.")
        var json = false

        func validate() throws {
            if maxDepth < 1 { throw ValidationError("'--max-depth' must be at least 1") }
        }

        func run() throws {
            let store = try dates.apply(options.open())
            let a = try store.resolveEntity(from), b = try store.resolveEntity(to)
            guard let hops = try store.path(from: a, to: b, maxDepth: maxDepth, evidence: json ? .all : .first) else {
                if json { try printJSON(PathJSON(hops: [])) } else { print("no chain of at most \(maxDepth) relations links \(a.name) and \(b.name)") }
                throw ExitCode(1)
            }
            if json {
                try printJSON(PathJSON(hops: hops.map { h in
                    .init(from: h.fromName, to: h.toName, fromID: h.from, toID: h.to, family: h.family.rawValue, direction: h.direction.rawValue,
                          evidence: h.evidence.map { .init(document: $0.documentID, text: $0.text, start: $0.start, end: $0.end) })
                }))
                return
            }
            let documents = try store.documents(ids: Set(hops.flatMap { $0.evidence.map(\.documentID) }))
            print("\(a.name) to \(b.name): \(hops.count) hop\(hops.count == 1 ? "" : "s")")
            for (i, h) in hops.enumerated() {
                let (x, y) = h.direction == .out ? (h.fromName, h.toName) : (h.toName, h.fromName)
                print("\(i + 1). \(x) -[\(h.family.rawValue)]-> \(y)")
                let names = [Format.entity(h.from, h.fromName, in: store), Format.entity(h.to, h.toName, in: store)]
                if let ev = h.evidence.first { print("   " + Format.evidence(ev, names: names, documents: documents, indent: 3)) }
            }
        }

        struct PathJSON: Encodable {
            struct Hop: Encodable {
                var from: String, to: String, fromID: String, toID: String, family: String, direction: String
                var evidence: [Ev]
            }
            struct Ev: Encodable { var document: String, text: String, start: Int, end: Int }
            var hops: [Hop]
        }
    }
}
