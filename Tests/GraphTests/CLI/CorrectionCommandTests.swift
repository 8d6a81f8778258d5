import Foundation
import Testing
@testable import Graph

/// The correction, date and timeline commands, run as a user would, on an article of our own.
@Suite(.serialized, .enabled(if: KGProcess.available)) struct CorrectionCommandTests {
    static let article = """
        Harbour talks in Valdemar
        VALDEMAR, Jan. 30 (Wire) - Mayor Ines Marlow met Oren Vale, the chairman of the Fenwick Trust, in Valdemar on Tuesday.
        Marlow praised the Fenwick Trust for its work on the harbour.
        Vale said the trust would open an office in Calder.

        """

    func kg(_ args: String..., store: String) throws -> KGProcess.Result {
        try KGProcess.run(args + ["--store", store])
    }

    @Test func everyCorrectionCommandWorksAndSurvivesExportImportAndRebuild() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("harbour.txt")
        try Data(Self.article.utf8).write(to: file)
        let store = dir.appendingPathComponent("kg.sqlite").path
        #expect(try kg("build", file.path, store: store).status == 0)

        #expect(try kg("alias", "Fenwick Trust", "FT", "the Trust", store: store).status == 0)
        #expect(try kg("show", "FT", store: store).out.hasPrefix("Fenwick Trust"))
        #expect(try kg("rename", "Oren Vale", "Oren J. Vale", store: store).status == 0)
        #expect(try kg("retype", "Valdemar", "government", store: store).out.contains("government:valdemar"))
        let wrong = try kg("reject", "Oren J. Vale", "located_in", "Calder", "--reason", "an office, not a visit", store: store)
        #expect(wrong.status == 0)
        #expect(!(try kg("neighbors", "Calder", store: store).out.contains("located_in")))
        let none = try kg("reject", "Ines Marlow", "attacks", "Calder", store: store)
        #expect(none.status != 0 && none.stderr.contains("no relation Ines Marlow -[attacks]-> Calder"))
        #expect(try kg("accept", "Oren J. Vale", "located_in", "Calder", store: store).status == 0)
        #expect(try kg("neighbors", "Calder", store: store).out.contains("located_in"))
        #expect(try kg("reject", "Vale", "says", "Calder", store: store).status == 0)
        let types = try kg("merge", "Calder", "Valdemar", store: store)
        #expect(types.status != 0 && types.stderr.contains("--type"))
        #expect(try kg("merge", "Calder", "Valdemar", "--type", "place", store: store).status == 0)
        let unknown = try kg("alias", "Fenwik Trust", "X", store: store)
        #expect(unknown.status != 0 && unknown.stderr.contains("did you mean: Fenwick Trust"))

        let list = try JSONDecoder().decode([Correction].self, from: try kg("corrections", "--json", store: store).stdout)
        #expect(list.map(\.kind) == [.alias, .rename, .retype, .reject, .merge])
        #expect(list.allSatisfy { $0.made.hasPrefix("20") })
        #expect(try kg("corrections", store: store).out.contains("reject person:oren-vale -[says]-> place:calder"))

        // export, then import into a fresh store built from the same article
        let shared = dir.appendingPathComponent("corrections.json").path
        #expect(try kg("corrections", "export", shared, store: store).status == 0)
        let other = dir.appendingPathComponent("other.sqlite").path
        #expect(try kg("build", file.path, store: other).status == 0)
        #expect(try kg("corrections", "import", shared, store: other).out.contains("imported 5 new corrections"))
        #expect(try kg("export", "--format", "json", store: other).stdout == (try kg("export", "--format", "json", store: store).stdout))

        // removed and built again: corrected again
        #expect(try kg("remove", "harbour.txt", store: store).status == 0)
        #expect(try kg("build", file.path, store: store).status == 0)
        #expect(try kg("export", "--format", "json", store: other).stdout == (try kg("export", "--format", "json", store: store).stdout))
        #expect(try kg("show", "Oren Vale", store: store).out.hasPrefix("Oren J. Vale"))
    }

    @Test func datesTimelineAndDocumentsWithRanges() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("harbour.txt")
        try Data(("Published: 2 February 2024\n" + Self.article).utf8).write(to: file)
        let store = dir.appendingPathComponent("kg.sqlite").path
        #expect(try kg("build", file.path, store: store).status == 0)
        #expect(try kg("documents", store: store).out.contains("2024-01-30  dateline; year from the published line"))
        let doc = try kg("show-document", "harbour.txt", store: store).out
        #expect(doc.contains("date: 2024-01-30 (from the dateline; year from the published line)"))
        #expect(doc.contains("Ines Marlow -[meets]-> Oren Vale"))
        #expect(doc.contains("[metadata: dateline]"))
        let timeline = try JSONDecoder().decode([Statement].self, from: try kg("timeline", "Ines Marlow", "--json", store: store).stdout)
        #expect(!timeline.isEmpty && timeline.allSatisfy { $0.date == "2024-01-30" && !$0.evidence.isEmpty })
        #expect(try kg("timeline", "--since", "2024-02", store: store).out.contains("no relations in the range"))
        #expect(try kg("neighbors", "Ines Marlow", "--until", "2023", store: store).out.contains("0 neighbor"))
        #expect(try kg("neighbors", "Ines Marlow", "--since", "2024-01-30", "--until", "2024-01-30", store: store).out.contains("Oren Vale"))
        let bad = try kg("entities", "--since", "2024-1-5", store: store)
        #expect(bad.status != 0 && bad.stderr.contains("'--since 2024-1-5': not a date"))
        // outside the range: nothing to show, link, export or draw
        let show = try kg("show", "Calder", "--until", "2023", store: store)
        #expect(show.status == 0 && !show.out.contains("->"))
        let path = try kg("path", "Calder", "Ines Marlow", "--until", "2023", store: store)
        #expect(path.status == 1 && path.out.contains("no chain"))
        #expect(try kg("path", "Calder", "Ines Marlow", "--since", "2024", store: store).status == 0)
        let json = try JSONSerialization.jsonObject(with: try kg("export", "--format", "json", "--until", "2023", store: store).stdout) as? [String: Any]
        #expect((json?["relations"] as? [Any])?.isEmpty == true && (json?["documents"] as? [Any])?.isEmpty == true)
        let render = try kg("render", "-o", dir.appendingPathComponent("g.svg").path, "--until", "2023", store: store)
        #expect(render.status != 0 && render.stderr.contains("no entities to draw"))
        #expect(try kg("render", "-o", dir.appendingPathComponent("g.svg").path, "--since", "2024", store: store).status == 0)
        let page = dir.appendingPathComponent("g.html").path
        #expect(try kg("view", "-o", page, "--since", "2024", store: store).out.contains("from 1 article"))
        #expect(try kg("view", "-o", page, "--until", "2023", store: store).status != 0)
    }
}
