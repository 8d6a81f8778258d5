import Foundation
import Testing
@testable import Graph

@Suite(.serialized) struct GraphvizRendererTests {
    static let small = GraphSnapshot(
        entities: [Entity(id: "person:a", name: "Ada Lovelace", type: .person),
                   Entity(id: "government:b", name: "Borduria", type: .government)],
        relations: [Relation(head: "person:a", tail: "government:b", family: .leads, confidence: 0.9,
                             evidence: [Evidence(documentID: "x.txt", text: "Ada leads Borduria.", start: 0, end: 19)])])

    @Test func svgContainsTheNodeNamesAndFamilies() throws {
        let out = try GraphvizRenderer().render(Self.small, format: "svg", layout: "dot")
        let svg = String(decoding: out.data, as: UTF8.self)
        #expect(svg.contains("<svg"))
        #expect(svg.contains("Ada Lovelace"))
        #expect(svg.contains("Borduria"))
        #expect(svg.contains(">leads<"))
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

    @Test func labelsShowBackslashesAndAmpersandsAsWritten() throws {
        let g = GraphSnapshot(entities: [Entity(id: "o:1", name: #"Smith & Sons \N corp"#, type: .organization)])
        let svg = String(decoding: try GraphvizRenderer().render(g).data, as: UTF8.self)
        #expect(svg.contains(#"Smith &amp; Sons \N corp"#))
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

    @Test func largeGraphsUseSfdpAndSaySo() throws {
        let entities = (0..<400).map { Entity(id: "p:\($0)", name: "Person \($0)", type: .person) }
        let relations = (0..<399).map { i in
            Relation(head: "p:\(i)", tail: "p:\(i + 1)", family: .meets, confidence: 0.5,
                     evidence: [Evidence(documentID: "d.txt", text: "They met.", start: 0, end: 9)])
        }
        let out = try GraphvizRenderer().render(GraphSnapshot(entities: entities, relations: relations), format: "svg", layout: "dot")
        #expect(out.layout == "sfdp")
        #expect(out.note?.contains("sfdp") == true)
        #expect(String(decoding: out.data, as: UTF8.self).contains("Person 399"))
    }
}
