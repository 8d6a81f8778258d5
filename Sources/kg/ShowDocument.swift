import ArgumentParser
import Graph

extension KG {
    struct ShowDocument: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show-document",
            abstract: "A stored document: its metadata and date (with where it was read), the relations it states, and the page chrome dropped from it.")

        @OptionGroup var options: StoreOptions

        @Argument(help: "The document id (its file name).")
        var document: String

        @Flag(help: "Print JSON: {\"document\", \"characters\", \"relations\": [{\"head\", \"headName\", \"family\", \"tail\", \"tailName\", \"evidence\"}], \"dropped\"}.")
        var json = false

        func run() throws {
            let store = try options.open()
            let detail = try store.documentDetail(document)
            let stated = try store.statements(inDocument: document)
            if json {
                try printJSON(DocumentReport(document: detail.document, characters: detail.text.unicodeScalars.count,
                                             relations: stated, dropped: detail.dropped))
                return
            }
            let doc = detail.document
            print("\(doc.id)  (\(doc.path))")
            for (k, v) in [("title", doc.title), ("outlet", doc.outlet), ("date as written", doc.date), ("source", doc.sourceURL)] {
                if let v { print("\(k): \(v)") }
            }
            if let iso = doc.isoDate { print("date: \(iso) (from the \(doc.dateOrigin ?? "?"))") }
            if !doc.bylines.isEmpty { print("bylines: \(doc.bylines.joined(separator: "; "))") }
            print("\n\(stated.count) relation\(stated.count == 1 ? "" : "s") stated:")
            for s in stated {
                print("  \(s.headName) -[\(s.family.rawValue)]-> \(s.tailName)")
                for ev in s.evidence { print("      @\(ev.start)-\(ev.end): \(Format.shorten(ev.text, 110))") }
            }
            print("\n\(detail.text.unicodeScalars.count) characters; \(detail.dropped.count) line\(detail.dropped.count == 1 ? "" : "s") dropped:")
            for d in detail.dropped { print("  @\(d.start) [\(d.reason)] \(Format.shorten(d.text, 100))") }
        }

        struct DocumentReport: Encodable {
            var document: Document
            var characters: Int
            var relations: [Statement]
            var dropped: [PageCleaner.DroppedLine]
        }
    }
}
