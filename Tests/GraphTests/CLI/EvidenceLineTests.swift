import Foundation
import Testing

/// Evidence lines of `kg neighbors`, `show` and `path` on a pipe, and `kg view`, run as a user would.
@Suite(.serialized, .enabled(if: KGProcess.available, "the kg executable is not built"))
struct EvidenceLineTests {
    static let sentence = "Officials in the port city said on Thursday, after a long night of talks with envoys from several capitals "
        + "and a brief statement to reporters, that President Ilse Marden had met Prime Minister Tomas Reyk in Valdora to discuss the harbour dispute."

    static let fixture: (folder: URL, store: String) = {
        let dir = Paths.temporaryFolder()
        let article = dir.appendingPathComponent("harbour.txt")
        try! "Harbour talks stall\n\n\(sentence)\n\nThis story is from the March 03, 2025 edition of The Coastal Ledger.\n"
            .write(to: article, atomically: true, encoding: .utf8)
        let store = dir.appendingPathComponent("kg.sqlite").path
        let r = try! KGProcess.run(["build", article.path, "--store", store])
        precondition(r.status == 0, r.stderr)
        return (dir, store)
    }()

    @Test func aPipeGetsWholeSentencesNamedByOutletAndDate() throws {
        let store = Self.fixture.store
        for args in [["neighbors", "Ilse Marden"], ["show", "Ilse Marden"], ["path", "Ilse Marden", "Tomas Reyk"]] {
            let r = try KGProcess.run(args + ["--store", store])
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(r.out.contains("The Coastal Ledger, March 03, 2025: \(Self.sentence)"), "\(args): \(r.out)")
            #expect(!r.out.contains("harbour.txt: Officials"), "\(args): the article is named by outlet and date, not its file")
        }
        #expect(try KGProcess.run(["neighbors", "Ilse Marden", "--store", store]).out.contains("  1 article  "))
    }

    @Test func viewWritesOnePageWithTheDiagramAndTheData() throws {
        let out = Self.fixture.folder.appendingPathComponent("graph.html")
        let r = try KGProcess.run(["view", "--store", Self.fixture.store, "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.contains("<svg") && html.contains(#"id="kg-data""#) && html.contains("Tomas Reyk"))
        #expect(r.out.contains("wrote \(out.path)"))
    }

    @Test func badDiagramOptionsAreQuoted() throws {
        let r = try KGProcess.run(["render", "--store", Self.fixture.store, "--min-sources", "0"])
        #expect(r.status != 0 && r.stderr.contains("'--min-sources'"))
        let t = try KGProcess.run(["view", "--store", Self.fixture.store, "--time-limit", "0"])
        #expect(t.status != 0 && t.stderr.contains("'--time-limit'"))
    }
}
