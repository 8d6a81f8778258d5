import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Graph

@Suite(.serialized) struct ExportTests {
    static let adversarial: GraphSnapshot = {
        let names = ["Quote \"Q\" Corp", #"Back\slash \N \l"#, "Line\nBreak", "<Angle> & {Brace}", "Ünïcødé 北朝鮮", "semi;colon,comma"]
        let entities = names.enumerated().map { Entity(id: "organization:e\($0.offset)-\($0.element)", name: $0.element, type: .organization, aliases: ["a \"b\""]) }
        let relations = zip(entities, entities.dropFirst()).map { a, b in
            Relation(head: a.id, tail: b.id, family: .supports, confidence: 0.5,
                     evidence: [Evidence(documentID: "d,1.txt", text: "He said \"no\", then <left>\n.", start: 0, end: 10)])
        }
        return GraphSnapshot(documents: [Document(id: "d,1.txt", path: "/tmp/d,1.txt", contentHash: "h")],
                             entities: entities, relations: relations)
    }()

    @Test func dotOfAdversarialNamesIsAcceptedByTheDotCLI() throws {
        let dot = try GraphvizRenderer().dot(Self.adversarial)
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("g.dot")
        try dot.write(to: file, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["dot", "-Tsvg", file.path, "-o", dir.appendingPathComponent("g.svg").path]
        let err = Pipe()
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationStatus == 0, "\(stderr)")
        let svg = try String(contentsOf: dir.appendingPathComponent("g.svg"), encoding: .utf8)
        #expect(svg.contains("Ünïcødé 北朝鮮"))
        #expect(svg.contains(#"Back\slash \N \l"#))
    }

    @Test func jsonFollowsTheScorersContract() throws {
        let data = try JSONExporter.export(Self.adversarial)
        let obj = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entities = try #require(obj["entities"] as? [[String: Any]])
        let relations = try #require(obj["relations"] as? [[String: Any]])
        #expect((obj["documents"] as? [[String: Any]])?.first?["id"] as? String == "d,1.txt")
        #expect(entities.allSatisfy { $0["id"] != nil && $0["name"] != nil && $0["type"] != nil && $0["aliases"] != nil && $0["mentions"] != nil })
        let r = try #require(relations.first)
        #expect(r["source"] as? String == Self.adversarial.relations[0].head)
        #expect(r["type"] as? String == "supports")
        let ev = try #require((r["evidence"] as? [[String: Any]])?.first)
        #expect(ev["document"] as? String == "d,1.txt" && ev["start"] as? Int == 0 && ev["end"] as? Int == 10)
    }

    @Test func graphMLParsesBackWithItsNodesEdgesAndTypedKeys() throws {
        let data = GraphMLExporter.export(Self.adversarial)
        final class Counter: NSObject, XMLParserDelegate {
            var nodes = 0, edges = 0, keys: [String: String] = [:], labels: [String] = []
            var inLabel = false, text = ""
            func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String] = [:]) {
                if e == "node" { nodes += 1 }
                if e == "edge" { edges += 1 }
                if e == "key", let id = a["id"] { keys[id] = a["attr.type"] }
                if e == "data", a["key"] == "label" { inLabel = true; text = "" }
            }
            func parser(_ p: XMLParser, foundCharacters s: String) { if inLabel { text += s } }
            func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
                if e == "data" && inLabel { labels.append(text); inLabel = false }
            }
        }
        let parser = XMLParser(data: data)
        let c = Counter()
        parser.delegate = c
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(c.nodes == Self.adversarial.entities.count)
        #expect(c.edges == Self.adversarial.relations.count)
        #expect(c.keys["type"] == "string" && c.keys["evidence_count"] == "int" && c.keys["confidence"] == "double")
        #expect(c.labels.contains("<Angle> & {Brace}"))
    }

    @Test func csvHasNeo4jAdminImportHeaders() {
        let nodes = CSVExporter.nodes(Self.adversarial).split(separator: "\n", omittingEmptySubsequences: false)
        let rels = CSVExporter.relations(Self.adversarial).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(nodes[0].hasPrefix("id:ID,") && nodes[0].hasSuffix(",:LABEL"))
        #expect(rels[0].hasPrefix(":START_ID,:END_ID,:TYPE"))
        #expect(CSVExporter.nodes(Self.adversarial).contains(#""Quote ""Q"" Corp""#))
    }

    @Test func atomicWriteLeavesNoTemporaryFiles() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("out/graph.json").path
        try AtomicWriter.write(Data("{}".utf8), to: target)
        try AtomicWriter.write(Data("{\"a\":1}".utf8), to: target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "{\"a\":1}")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path) == ["graph.json"])
    }
}
