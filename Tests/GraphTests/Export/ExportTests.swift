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

    @Test func dotShowsBidiControlsAsEntitiesAndGraphvizDrawsThem() throws {
        let entities = [Entity(id: "organization:right-left", name: "Right\u{202E}Left", type: .organization, aliases: []),
                        Entity(id: "place:calder", name: "Calder", type: .place, aliases: [])]
        let snapshot = GraphSnapshot(
            documents: [Document(id: "b.txt", path: "/tmp/b.txt", contentHash: "h")], entities: entities,
            relations: [Relation(head: entities[0].id, tail: entities[1].id, family: .locatedIn, confidence: 0.5,
                                 evidence: [Evidence(documentID: "b.txt", text: "It moved \u{2067}west\u{2069} to Calder.", start: 0, end: 9)])])
        let dot = try GraphvizRenderer().dot(snapshot)
        #expect(!dot.unicodeScalars.contains(where: TerminalText.isControl), "\(dot)")
        #expect(dot.contains("Right&#8238;Left") && dot.contains("&#8295;west&#8297;"))
        let svg = String(decoding: try GraphvizRenderer().render(snapshot).data, as: UTF8.self)
        #expect(svg.contains("Right\u{202E}Left") || svg.contains("Right&#8238;Left"))
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
        // Neo4j splits :LABEL on the array delimiter, so the two labels are joined by it, not by ';'
        let labels = nodes[1].split(separator: ",").last.map(String.init) ?? ""
        #expect(labels.split(separator: CSVExporter.arrayDelimiter).count == 2 && labels.hasPrefix("Entity"))
        #expect(rels[0].hasPrefix(":START_ID,:END_ID,:TYPE"))
        #expect(CSVExporter.nodes(Self.adversarial).contains(#""Quote ""Q"" Corp""#))
    }

    /// A graph whose ids hold `;` and whose sentences span lines, cited by two articles.
    static let provenance: GraphSnapshot = {
        let a = Entity(id: "organization:a;b", name: "A;B Holdings", type: .organization, aliases: ["A;B", "AB"])
        let c = Entity(id: "person:c", name: "Carla O'Neill", type: .person)
        let ev = [Evidence(documentID: "news;1.txt", text: "A;B Holdings\nhired Carla O'Neill.", start: 10, end: 44, confidence: 0.8),
                  Evidence(documentID: "news;1.txt", text: "O'Neill joined A;B.", start: 50, end: 69, confidence: 0.7),
                  Evidence(documentID: "wire-2.txt", text: "Carla O'Neill, of A;B,\r\nspoke.", start: 0, end: 31, confidence: 0.6)]
        return GraphSnapshot(
            documents: [Document(id: "news;1.txt", path: "/home/analyst/feeds/news;1.txt", contentHash: "1"),
                        Document(id: "wire-2.txt", path: "/home/analyst/feeds/wire/wire-2.txt", contentHash: "2")],
            entities: [a, c],
            mentions: [Mention(entityID: c.id, documentID: "news;1.txt", start: 30, end: 43, text: "Carla O'Neill")],
            relations: [Relation(head: c.id, tail: a.id, family: .memberOf, confidence: 0.9, evidence: ev)])
    }()

    /// RFC 4180 records of `text`, for checking what an importer reads.
    static func records(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var it = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        while let u = pending ?? it.next() {
            pending = nil
            if quoted {
                if u == "\"" {
                    if let n = it.next() { if n == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = n } } else { quoted = false }
                } else { field.unicodeScalars.append(u) }
            } else if u == "\"" { quoted = true
            } else if u == "," { row.append(field); field = ""
            } else if u == "\n" { row.append(field); rows.append(row); row = []; field = ""
            } else { field.unicodeScalars.append(u) }
        }
        return rows
    }

    @Test func csvArraysKeepIdsWithSemicolonsWholeAndNoValueSpansLines() throws {
        let d = String(CSVExporter.arrayDelimiter)
        for (name, text) in CSVExporter.files(Self.provenance) {
            let lines = text.split(separator: "\n")
            let rows = Self.records(text)
            #expect(rows.count == lines.count, "\(name): a record spans lines")
            #expect(Set(rows.map(\.count)).count == 1, "\(name): ragged rows")
            #expect(!text.contains("\r"), "\(name)")
        }
        let nodes = Self.records(CSVExporter.nodes(Self.provenance))
        #expect(nodes[1][0] == "organization:a;b")
        #expect(nodes[1][2].components(separatedBy: d) == ["A;B", "AB"])
        let rels = Self.records(CSVExporter.relations(Self.provenance))
        let header = rels[0], r = rels[1]
        func col(_ h: String) -> String { r[header.firstIndex(of: h)!] }
        #expect(col(":END_ID") == "organization:a;b")
        #expect(col("documents:string[]").components(separatedBy: d) == ["news;1.txt", "wire-2.txt"])
        #expect(col("evidence_count:int") == "3" && col("document_count:int") == "2")
        #expect(col("sentences:string[]").components(separatedBy: d)
                == ["A;B Holdings hired Carla O'Neill.", "O'Neill joined A;B.", "Carla O'Neill, of A;B,  spoke."])
        #expect(col("offsets:string[]").components(separatedBy: d) == ["news;1.txt@10-44", "news;1.txt@50-69", "wire-2.txt@0-31"])
        let ev = Self.records(CSVExporter.evidence(Self.provenance))
        #expect(ev.count == 4)
        #expect(ev[3] == ["person:c", "member_of", "organization:a;b", "wire-2.txt", "0", "31", "0.6", "Carla O'Neill, of A;B,  spoke."])
    }

    @Test func graphMLCarriesLabelsForGephiAndCytoscapeAndEveryPieceOfEvidence() throws {
        let data = GraphMLExporter.export(Self.provenance)
        let xml = String(decoding: data, as: UTF8.self)
        #expect(!xml.contains("&apos;"))
        final class Reader: NSObject, XMLParserDelegate {
            var keys: [String: (String, String)] = [:]  // id -> (for, attr.name)
            var data: [(element: String, key: String, value: String)] = []
            var element = "", key: String?, text = ""
            func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String] = [:]) {
                if e == "key", let id = a["id"] { keys[id] = (a["for"] ?? "", a["attr.name"] ?? "") }
                if e == "node" || e == "edge" { element = e }
                if e == "data" { key = a["key"]; text = "" }
            }
            func parser(_ p: XMLParser, foundCharacters s: String) { if key != nil { text += s } }
            func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
                if e == "data", let k = key { data.append((element, k, text)); key = nil }
            }
        }
        let parser = XMLParser(data: data)
        let r = Reader()
        parser.delegate = r
        #expect(parser.parse())
        func value(_ element: String, _ attrName: String) -> [String] {
            r.data.filter { d in d.element == element && r.keys[d.key].map { $0 == (element, attrName) } == true }.map(\.value)
        }
        #expect(value("node", "label").contains("Carla O'Neill"))
        #expect(value("node", "name").contains("Carla O'Neill"))
        #expect(value("edge", "label") == ["member_of"])
        #expect(value("edge", "interaction") == ["member_of"])
        #expect(value("edge", "evidence_count") == ["3"] && value("edge", "document_count") == ["2"])
        #expect(value("edge", "documents") == ["news;1.txt\nwire-2.txt"])
        let sentences = try #require(value("edge", "sentences").first).components(separatedBy: "\n")
        #expect(sentences == ["news;1.txt@10-44: A;B Holdings hired Carla O'Neill.", "news;1.txt@50-69: O'Neill joined A;B.",
                              "wire-2.txt@0-31: Carla O'Neill, of A;B,  spoke."])
    }

    @Test func jsonNamesNoFolderOfTheMachineThatBuiltIt() throws {
        let data = try JSONExporter.export(Self.provenance)
        #expect(!String(decoding: data, as: UTF8.self).contains("/home/analyst"))
        let obj = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = (obj["documents"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(paths == ["news;1.txt", "wire/wire-2.txt"])
    }

    @Test func evidenceIsKeyedDocumentInEveryJSONOutput() throws {
        let ev = Evidence(documentID: "a.txt", text: "t", start: 1, end: 2)
        let obj = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(ev)) as? [String: Any])
        #expect(obj["document"] as? String == "a.txt")
        #expect(obj["documentID"] == nil)
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
