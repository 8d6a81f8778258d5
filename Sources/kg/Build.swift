import ArgumentParser
import Graph

extension KG {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ingest .txt articles (files, or folders searched recursively) into the store.",
            discussion: "A document whose content is already stored is skipped; one whose file name is stored with other content replaces it.")

        @OptionGroup var options: StoreOptions

        @Argument(help: "Article files or folders.")
        var paths: [String]

        @Flag(name: .shortAndLong, help: "Also list the page chrome dropped from each document.")
        var verbose = false

        func run() throws {
            let builder = Builder()
            let prepared = try builder.prepare(paths)
            let store = try GraphStore(path: options.store)
            let reports = try builder.store(prepared, into: store)
            for r in reports {
                switch r.outcome {
                case .added, .replaced:
                    let verb = r.outcome == .added ? "added" : "replaced"
                    print("\(verb)  \(r.documentID): \(r.entities) entities, \(r.relations) relations, \(r.dropped) chrome lines dropped")
                    if verbose {
                        for d in try store.documentDetail(r.documentID).dropped {
                            print("         - [\(d.reason)] \(Format.shorten(d.text, 90))")
                        }
                    }
                case .skipped(let dup):
                    print("skipped \(r.documentID): already stored" + (dup == r.documentID ? "" : " as \(dup)"))
                }
            }
            print("store: \(options.store)")
        }
    }
}
