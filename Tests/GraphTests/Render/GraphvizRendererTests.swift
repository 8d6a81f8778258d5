import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Graph

@Suite(.serialized) struct GraphvizRendererTests {
    static let documents = [
        Document(id: "a.txt", path: "/tmp/corpus/a.txt", contentHash: "1", title: "Borduria votes", outlet: "The Courier", date: "2024-03-01",
                 sourceURL: "https://example.org/borduria"),
        Document(id: "b.txt", path: "/tmp/corpus/b.txt", contentHash: "2", title: "Second look", outlet: nil, date: "2024-03-02"),
    ]
    static let small = GraphSnapshot(
        documents: documents,
        entities: [Entity(id: "person:a", name: "Ada Lovelace", type: .person, aliases: ["Countess Ada"]),
                   Entity(id: "government:b", name: "Borduria", type: .government)],
        mentions: [Mention(entityID: "person:a", documentID: "a.txt", start: 0, end: 3, text: "Ada"),
                   Mention(entityID: "person:a", documentID: "b.txt", start: 0, end: 3, text: "Ada")],
        relations: [Relation(head: "person:a", tail: "government:b", family: .leads, confidence: 0.9,
                             evidence: [Evidence(documentID: "a.txt", text: "Ada leads Borduria.", start: 0, end: 19),
                                        Evidence(documentID: "a.txt", text: "Ada still leads Borduria.", start: 30, end: 55),
                                        Evidence(documentID: "b.txt", text: "Borduria is led by Ada.", start: 0, end: 23)])])

    func svg(_ g: GraphSnapshot, _ options: Diagram.Options = .init()) throws -> String {
        String(decoding: try GraphvizRenderer().render(Diagram(g, options: options)).data, as: UTF8.self)
    }

    /// The `xlink:title` of every anchor in an SVG, decoded.
    func tooltips(_ svg: String) throws -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            var titles: [String] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "a", let t = attributes["xlink:title"] { titles.append(t) }
            }
        }
        let parser = XMLParser(data: Data(svg.utf8))
        let c = Collector()
        parser.delegate = c
        #expect(parser.parse(), "the SVG is not well-formed XML: \(String(describing: parser.parserError))")
        return c.titles
    }

    @Test func svgContainsTheNodeNamesAndFamilies() throws {
        let s = try svg(Self.small)
        #expect(s.contains("<svg"))
        #expect(s.contains(">Ada Lovelace<"))
        #expect(s.contains(">Borduria<"))
        #expect(s.contains(">leads ×2<"), "the label counts 2 articles, not 3 sentences")
    }

    @Test func legendShowsTheDrawnTypesAndFamilies() throws {
        let s = try svg(Self.small)
        #expect(s.contains(">Legend<"))
        #expect(s.contains(">person<") && s.contains(">oval<"))
        #expect(s.contains(">government<") && s.contains(">box<"))
        #expect(s.contains("fill=\"\(DiagramStyle.standard.nodes[.person]!.fill)\""))
        #expect(s.contains(">leads<"))
        #expect(!s.contains(">military<"), "types not drawn stay out of the legend")
        #expect(s.contains("stated in N articles"))
    }

    @Test func nodeTooltipGivesTypeAliasesAndArticles() throws {
        let tips = try tooltips(try svg(Self.small))
        #expect(tips.contains("Ada Lovelace (person)\nalso: Countess Ada\n2 articles"))
    }

    @Test func edgeTooltipOnLineAndLabelCitesEachSentenceWithItsArticle() throws {
        let tips = try tooltips(try svg(Self.small)).filter { $0.hasPrefix("Ada Lovelace leads Borduria") }
        #expect(tips.count == 2, "one on the line, one on the label: \(tips)")
        let tip = try #require(tips.first).replacingOccurrences(of: "\u{A0}", with: " ")
        #expect(tip.contains("2 articles"))
        #expect(tip.contains("• Ada leads Borduria.\n   — Borduria votes (The Courier, 2024-03-01)"))
        #expect(tip.contains("• Ada still leads Borduria."))
        #expect(tip.contains("• Borduria is led by Ada.\n   — Second look (2024-03-02)"))
    }

    @Test func nodesAndEdgesLinkToTheArticleURLElseTheLocalFile() throws {
        let s = try svg(Self.small)
        #expect(s.contains(#"xlink:href="https://example.org/borduria""#))
        var g = Self.small
        g.documents = g.documents.map { var d = $0; d.sourceURL = nil; return d }
        #expect(try svg(g).contains(#"xlink:href="file:///tmp/corpus/a.txt""#))
    }

    @Test func svgScalesToItsWindow() throws {
        let s = try svg(Self.small)
        let tag = try #require(s.range(of: "<svg ").flatMap { r in s[r.lowerBound...].firstIndex(of: ">").map { String(s[r.lowerBound...$0]) } })
        #expect(tag.contains(#"width="100%""#))
        #expect(tag.contains("viewBox=\""))
        #expect(!tag.contains("height="))
    }

    @Test func focusIsMarked() throws {
        let s = try svg(Self.small, .init(focus: "government:b"))
        #expect(s.contains("Helvetica-Bold") || s.contains("font-weight=\"bold\""))
        #expect(s.contains("Borduria, within 1"))
    }

    @Test func controlCharactersAreSpacedOrDroppedAndMarkupEscaped() throws {
        let nasty = "Form\u{0C}feed <b>&amp; \"q\" 'a' ]]> </script> \u{1B}[31m \u{7F}\u{85}"
        let g = GraphSnapshot(
            documents: [Document(id: "d\u{0C}.txt", path: "/tmp/d.txt", contentHash: "x", title: "The\u{0C}Title <i>", outlet: "O&O")],
            entities: [Entity(id: "o:1", name: nasty, type: .organization, aliases: ["a\u{0B}lias"]),
                       Entity(id: "o:2", name: #"Smith & Sons \N corp"#, type: .organization)],
            relations: [Relation(head: "o:1", tail: "o:2", family: .supports, confidence: 1,
                                 evidence: [Evidence(documentID: "d\u{0C}.txt", text: "It\u{0C} said <x> & \u{0}more; the visit was\u{0C}\u{0B}brief.", start: 0, end: 5)])])
        let s = try svg(g)
        #expect(!s.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" })
        #expect(s.contains(#"Smith &amp; Sons \N corp"#))
        let tips = try tooltips(s)
        #expect(tips.contains { $0.contains("Form feed <b>&amp; \"q\" 'a' ]]> </script> [31m") })
        #expect(tips.contains { $0.contains("It said <x> & more; the visit was brief.") && $0.contains("The Title <i> (O&O)") })
    }

    @Test func aRunOfControlCharactersBetweenWordsIsOneSpace() {
        #expect(GraphvizRenderer.clean("was\u{0C}brief") == "was brief")
        #expect(GraphvizRenderer.clean("was\u{0C}\u{0B}\u{1B}\tbrief") == "was brief")
        #expect(GraphvizRenderer.clean("was \u{0C}brief\u{0B} now") == "was brief now")
        #expect(GraphvizRenderer.clean("\u{0C}start and end\u{7F}") == "start and end")
        #expect(GraphvizRenderer.clean("line\u{0C}\nnext\u{85}") == "line\nnext")
        #expect(GraphvizRenderer.clean("non\u{FFFE}character") == "noncharacter")
        #expect(GraphvizRenderer.clean("plain text") == "plain text")
        #expect(GraphvizRenderer.escapeHTML("a\u{0C}<b>") == "a &lt;b&gt;")
        #expect(GraphvizRenderer.escapeLabel("a\u{0B}b\nc") == "a b\\nc")
        #expect(GraphvizRenderer.escapeLabel("a\u{202E}b\u{2067}c") == "a&#8238;b&#8295;c")
    }

    @Test func graphvizWarningsComeBackFromTheLayoutProcess() throws {
        var style = DiagramStyle.standard
        style.nodes[.person]?.shape = "nosuchshape"
        let out = try GraphvizRenderer(style: style).render(Self.small)
        #expect(out.warnings?.contains("nosuchshape") == true, "\(String(describing: out.warnings))")
        #expect(String(decoding: out.data, as: UTF8.self).contains("</svg>"))
    }

    @Test func pngAndPdfHaveTheirSignatures() throws {
        let png = try GraphvizRenderer().render(Self.small, format: "png", layout: "neato").data
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let pdf = try GraphvizRenderer().render(Self.small, format: "pdf", layout: "circo").data
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }

    @Test func unknownLayoutListsTheValidOnes() {
        do { _ = try GraphvizRenderer().render(Self.small, layout: "spring"); Issue.record("expected an error") } catch let e as RenderError {
            guard case .unknownLayout("spring", let valid) = e else { Issue.record("wrong error \(e)"); return }
            #expect(valid.contains("dot") && valid.contains("sfdp"))
        } catch { Issue.record("wrong error \(error)") }
    }

    @Test func unknownFormatListsTheValidOnes() {
        do { _ = try GraphvizRenderer().render(Self.small, format: "bmpx"); Issue.record("expected an error") } catch let e as RenderError {
            guard case .unknownFormat("bmpx", let valid) = e else { Issue.record("wrong error \(e)"); return }
            #expect(valid == ["svg", "png", "pdf"])
        } catch { Issue.record("wrong error \(error)") }
    }

    @Test func concurrentRendersAreSerializedSafely() async throws {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try GraphvizRenderer().render(Self.small).data.count } }
            for try await n in group { #expect(n > 100) }
        }
    }

    @Test func emptyGraphIsAClearError() {
        #expect(throws: RenderError.emptyGraph) { try GraphvizRenderer().render(GraphSnapshot()) }
    }

    /// A ring of `n` people, each meeting the next.
    static func ring(_ n: Int) -> GraphSnapshot {
        let entities = (0..<n).map { Entity(id: "p:\($0)", name: "Person \($0)", type: .person) }
        let relations = (0..<n).map { i in
            Relation(head: "p:\(i)", tail: "p:\((i + 1) % n)", family: .meets, confidence: 0.5,
                     evidence: [Evidence(documentID: "d.txt", text: "They met.", start: 0, end: 9)])
        }
        return GraphSnapshot(entities: entities, relations: relations)
    }

    @Test func largeGraphsUseSfdpAndSaySo() throws {
        let out = try GraphvizRenderer().render(Self.ring(400), format: "svg", layout: "dot")
        #expect(out.layout == "sfdp")
        #expect(out.note?.contains("sfdp instead of dot") == true)
        #expect(String(decoding: out.data, as: UTF8.self).contains("Person 399"))
    }

    @Test(arguments: ["circo", "twopi", "neato", "fdp", "dot"])
    func everySlowEngineGivesWayAboveItsLimit(_ layout: String) throws {
        let limit = try #require(GraphvizRenderer.nodeLimits[layout], "\(layout) has no node limit")
        #expect(GraphvizRenderer.engine(for: layout, nodes: limit).engine == layout)
        let above = GraphvizRenderer.engine(for: layout, nodes: limit + 1)
        #expect(above.engine == "sfdp")
        #expect(above.note?.contains("instead of \(layout)") == true)
    }

    @Test func circoOnABigGraphIsLaidOutBySfdp() throws {
        let out = try GraphvizRenderer().render(Self.ring(GraphvizRenderer.nodeLimits["circo"]! + 20), layout: "circo")
        #expect(out.layout == "sfdp")
        #expect(out.note?.contains("instead of circo") == true)
    }

    @Test func aLayoutPastTheTimeLimitIsStoppedWithAClearError() throws {
        do {
            _ = try GraphvizRenderer(timeLimit: 0.0001).render(Self.ring(150), layout: "neato")
            Issue.record("expected the layout to be stopped")
        } catch let e as RenderError {
            guard case .layoutTimedOut("neato", _, 150) = e else { Issue.record("wrong error \(e)"); return }
            #expect(e.localizedDescription.contains("time limit"))
        }
        // the lock was released and the next render works
        #expect(try GraphvizRenderer().render(Self.small).data.count > 100)
    }
}

extension GraphvizRendererTests {
    /// A deterministic tangle: 30 entities of every type, 90 relations of many families, some
    /// stated in several articles.
    static var tangle: GraphSnapshot {
        let types = EntityType.allCases
        let entities = (0..<30).map { Entity(id: "x:\($0)", name: "Entity number \($0)", type: types[$0 % types.count]) }
        var relations: [Relation] = []
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int((seed >> 33) % UInt64(n)) }
        for i in 0..<90 {
            let a = next(30), b = (a + 1 + next(29)) % 30
            let family = RelationFamily.allCases[next(RelationFamily.allCases.count)]
            let docs = (0...next(3)).map { Evidence(documentID: "d\($0).txt", text: "Sentence \(i).", start: i, end: i + 12) }
            relations.append(Relation(head: "x:\(a)", tail: "x:\(b)", family: family, confidence: 0.5, evidence: docs))
        }
        return GraphSnapshot(entities: entities, relations: relations)
    }

    /// The texts of an SVG with their boxes (width estimated at 0.55 em per character).
    static func textBoxes(_ svg: String) -> [(x0: Double, y0: Double, x1: Double, y1: Double, text: String)] {
        let pattern = #"<text text-anchor="middle" x="([-\d.]+)" y="([-\d.]+)"[^>]*font-size="([\d.]+)"[^>]*>([^<]*)</text>"#
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { m in
            func group(_ i: Int) -> String { String(svg[Range(m.range(at: i), in: svg)!]) }
            let x = Double(group(1))!, y = Double(group(2))!, size = Double(group(3))!, text = group(4)
            let w = 0.55 * size * Double(text.count)
            return (x - w / 2, y - size * 0.8, x + w / 2, y + size * 0.2, text)
        }
    }

    /// The default view (dot, at most 40 entities and 60 relations) places every label clear of the
    /// others; the same check finds overlaps in an `sfdp` drawing of this graph.
    @Test func theDefaultViewHasNoOverlappingLabels() throws {
        let d = Diagram(Self.tangle, options: .init(top: 40, maxEdges: 60))
        let svg = String(decoding: try GraphvizRenderer().render(d).data, as: UTF8.self)
        let boxes = Self.textBoxes(svg)
        #expect(boxes.count > d.nodes.count + d.edges.count, "every node and edge has its label")
        var overlaps: [String] = []
        for i in boxes.indices { for j in boxes.indices where j > i {
            let (a, b) = (boxes[i], boxes[j])
            if a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 { overlaps.append("\(a.text) / \(b.text)") }
        } }
        #expect(overlaps.isEmpty, "\(overlaps)")
    }
}
