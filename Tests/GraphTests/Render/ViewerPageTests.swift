import Foundation
import Testing
@testable import Graph

@Suite(.serialized) struct ViewerPageTests {
    static let hostile = #"Evil </script><img src=x onerror="document.title='pwned'"> Corp"#

    /// Two articles about a minister, a ministry and a hostile-looking company name.
    static let graph = GraphSnapshot(
        documents: [
            Document(id: "one.txt", path: "/tmp/kg-viewer/one.txt", contentHash: "1", title: "Minister takes office", outlet: "Daily Ledger",
                     date: "2025-05-01", sourceURL: "https://example.org/minister"),
            Document(id: "two.txt", path: "/tmp/kg-viewer/two.txt", contentHash: "2", title: "Ministry <reorganized>", date: "2025-05-03"),
        ],
        entities: [
            Entity(id: "person:mara-voss", name: "Mara Voss", type: .person, aliases: ["Voss"]),
            Entity(id: "government:ministry", name: "Ministry of Ports", type: .government),
            Entity(id: "organization:evil", name: hostile, type: .organization),
        ],
        mentions: [
            Mention(entityID: "person:mara-voss", documentID: "one.txt", start: 0, end: 9, text: "Mara Voss"),
            Mention(entityID: "government:ministry", documentID: "one.txt", start: 16, end: 33, text: "Ministry of Ports"),
            Mention(entityID: "person:mara-voss", documentID: "two.txt", start: 0, end: 3, text: "She"),
        ],
        relations: [
            Relation(head: "person:mara-voss", tail: "government:ministry", family: .leads, confidence: 0.9, evidence: [
                Evidence(documentID: "one.txt", text: "Mara Voss leads Ministry of Ports.", start: 0, end: 34),
                Evidence(documentID: "two.txt", text: "She still leads the Ministry of Ports.", start: 0, end: 38),
            ]),
            Relation(head: "organization:evil", tail: "government:ministry", family: .supports, confidence: 0.5, evidence: [
                Evidence(documentID: "two.txt", text: "Evil Corp supports the ministry </script>.", start: 50, end: 92),
            ]),
        ])

    func page() throws -> String {
        let d = Diagram(Self.graph)
        return try ViewerPage.html(d, svg: try GraphvizRenderer().render(d).data)
    }

    @Test func pageIsSelfContained() throws {
        let html = try page()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("<?xml"), "the SVG is inline, without its XML prolog")
        #expect(html.range(of: #"<script[^>]+src="#, options: .regularExpression) == nil, "no external scripts")
        #expect(html.range(of: #"<link\b"#, options: .regularExpression) == nil, "no external style")
        #expect(html.range(of: #"<(script|img|iframe|audio|video|source|embed|object|image|use)\b[^<>]*\s(src|href)="#, options: .regularExpression) == nil, "nothing loaded (links to articles only navigate)")
        #expect(html.contains("default-src 'none'"))
    }

    @Test func embeddedDataCannotCloseItsScript() throws {
        let html = try page()
        #expect(html.components(separatedBy: "</script>").count - 1 == 2, "only the data's and the code's own closing tags")
        let json = try #require(html.range(of: #"<script type="application/json" id="kg-data">"#).map { r in
            String(html[r.upperBound...].prefix { $0 != "<" })
        })
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let names = (decoded?["nodes"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(names.contains(Self.hostile), "the name survives the escaping intact")
    }

    @Test func namesAreMarkedFromMentionsElseFromNames() throws {
        let d = Diagram(Self.graph)
        let edge = try #require(d.edges.first { $0.family == .leads })
        let marks = edge.evidence.map { ev in
            ViewerPage.marks(in: ev.text, evidence: ev, head: d.entity(edge.head), tail: d.entity(edge.tail), mentions: d.mentions[ev.documentID] ?? [])
        }
        #expect(marks[0] == [[0, 9, 0], [16, 33, 1]])
        #expect(marks[1] == [[0, 3, 0], [20, 37, 1]], "'She' from its mention; the ministry found by name")
    }

    // MARK: in a real browser

    @Test(.enabled(if: Chromium.executable != nil, "chromium is not installed (bash scripts/deps.sh installs it; CI does)"))
    func browserShowsTheGraphAndAClickedEdgeFillsThePanel() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("graph.html")
        try Data(try page().utf8).write(to: file)

        let dom = try Chromium.run(["--virtual-time-budget=5000", "--dump-dom"], url: URL(string: file.absoluteString + "#selftest")!, in: folder)
        #expect(!dom.contains("<title>pwned</title>"), "a name in the data ran as markup")
        let report = try #require(dom.range(of: #"<pre id="kg-selftest">"#, options: .backwards).flatMap { r in
            dom[r.upperBound...].range(of: "</pre>").map { String(dom[r.upperBound..<$0.lowerBound]) }
        }, "the page's self-test wrote no result; the DOM was: \(dom.prefix(400))")
        let json = report.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        struct SelfTest: Decodable {
            var names: [String], missingNames: [String]
            var clicked: String?, hit: String?, panelTitle: String?
            var sentences: Int, marks: [String], sources: [String], links: [String]
            var searched: String?, highlighted: [String], dimmed: Int
            var filtered: Bool?, restored: Bool?
        }
        let r = try JSONDecoder().decode(SelfTest.self, from: Data(json.utf8))
        #expect(r.missingNames.isEmpty)
        #expect(Set(r.names) == ["Mara Voss", "Ministry of Ports", Self.hostile])
        #expect(r.hit == "text in e0", "the click landed on the edge's label")
        #expect(r.panelTitle == "Mara Voss leads Ministry of Ports")
        #expect(r.sentences == 2)
        #expect(r.marks == ["head:Mara Voss", "tail:Ministry of Ports", "head:She", "tail:Ministry of Ports"])
        #expect(r.sources == ["Minister takes office", "Ministry <reorganized>"])
        #expect(r.links == ["https://example.org/minister", "file:///tmp/kg-viewer/two.txt"])
        #expect(r.searched == "Mara Voss")
        #expect(Set(r.highlighted) == ["Mara Voss", "Ministry of Ports"])
        #expect(r.dimmed == 1, "the entity outside the neighbourhood is dimmed")
        #expect(r.filtered == true && r.restored == true, "unticking the family hides the edge")

        let shot = folder.appendingPathComponent("shot.png")
        _ = try Chromium.run(["--window-size=1000,700", "--screenshot=\(shot.path)"], url: file, in: folder)
        // any Python 3 decodes the PNG (stdlib only): the NLP worker's, else the system's
        let python = (try? SpacyAnnotator.locate(explicit: nil).python) ?? "/usr/bin/python3"
        let person = DiagramStyle.standard.nodes[.person]!.fill, government = DiagramStyle.standard.nodes[.government]!.fill
        let census = try PixelCensus.of(shot, python: python, colors: [person, government])
        #expect(census.width == 1000 && census.height == 700)
        #expect(census.nonWhite > census.width * census.height / 50, "the screenshot is nearly blank: \(census)")
        #expect(census.colors > 20, "the screenshot has too few colours to show a diagram: \(census)")
        #expect(census.counts[person, default: 0] > 200 && census.counts[government, default: 0] > 200, "the nodes' fills are not on screen: \(census)")
    }
}
