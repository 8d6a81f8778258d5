import Foundation
import Testing
@testable import Graph

/// A document stated by hand: entities by (type, name), relations by (head, family, tail, sentence).
func handmade(_ id: String, entities: [(EntityType, String)], relations: [(String, RelationFamily, String, String)]) -> ExtractionResult {
    let ents = entities.map { Entity(id: Entity.makeID(type: $0.0, name: $0.1), name: $0.1, type: $0.0) }
    let idOf = { (n: String) in ents.first { $0.name == n }!.id }
    var text = ""
    var rels: [Relation] = []
    var mentions: [Mention] = []
    for (h, f, t, sentence) in relations {
        let start = text.unicodeScalars.count
        text += sentence + " "
        let end = start + sentence.unicodeScalars.count
        rels.append(Relation(head: idOf(h), tail: idOf(t), family: f, confidence: 0.8,
                             evidence: [Evidence(documentID: id, text: sentence, start: start, end: end, confidence: 0.8)]))
        for n in [h, t] {
            if let r = sentence.range(of: n) {
                let s = sentence.unicodeScalars.distance(from: sentence.unicodeScalars.startIndex, to: r.lowerBound)
                mentions.append(Mention(entityID: idOf(n), documentID: id, start: start + s, end: start + s + n.unicodeScalars.count, text: n))
            }
        }
    }
    let doc = Document(id: id, path: id, contentHash: DocumentReader.contentHash(text))
    return ExtractionResult(document: doc, text: text, entities: ents, mentions: mentions, relations: rels, dropped: [], sentenceCount: relations.count)
}

@Suite struct CorrectionTests {
    func fresh() throws -> (GraphStore, URL) {
        let dir = Paths.temporaryFolder()
        return (try GraphStore(path: dir.appendingPathComponent("kg.sqlite").path), dir)
    }

    /// Two articles of our own: Dara Venn and "D. Venn" are one person the extraction kept apart.
    let first = handmade("one.txt", entities: [(.person, "Dara Venn"), (.person, "D. Venn"), (.organization, "Tallow Institute"), (.place, "Osterby")],
                         relations: [("Dara Venn", .memberOf, "Tallow Institute", "Dara Venn joined the Tallow Institute."),
                                     ("D. Venn", .memberOf, "Tallow Institute", "D. Venn works for the Tallow Institute."),
                                     ("Dara Venn", .meets, "D. Venn", "Dara Venn met D. Venn."),
                                     ("Tallow Institute", .locatedIn, "Osterby", "The Tallow Institute sits in Osterby.")])
    let second = handmade("two.txt", entities: [(.person, "D. Venn"), (.organization, "Osterby")],
                          relations: [("D. Venn", .leads, "Osterby", "D. Venn leads Osterby.")])

    func relationKeys(_ g: GraphSnapshot) -> Set<String> {
        Set(g.relations.map { "\($0.head) \($0.family.rawValue) \($0.tail) \($0.evidence.count)" })
    }

    @Test func mergeMovesMentionsAndEvidenceAndCombinesCollidingRelations() throws {
        let (store, dir) = try fresh()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try store.ingest(first)
        try store.merge(keep: try store.resolveEntity("Dara Venn"), others: [try store.resolveEntity("D. Venn")])
        let g = try store.snapshot()
        #expect(!g.entities.contains { $0.id == "person:d-venn" })
        #expect(relationKeys(g) == ["person:dara-venn member_of organization:tallow-institute 2",
                                    "organization:tallow-institute located_in place:osterby 1"])
        #expect(g.mentions.filter { $0.entityID == "person:dara-venn" }.count == 4)
        // the other's name finds the merged entity
        #expect(try store.resolveEntity("D. Venn").id == "person:dara-venn")
        // one article is one source, however many of its sentences state the relation
        let member = try #require(try store.snapshot().relations.first { $0.family == .memberOf })
        #expect(member.confidence == 0.8)
    }

    @Test func mergingEntitiesOfDifferentTypesAsksForTheType() throws {
        let (store, dir) = try fresh()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try store.ingest(first)
        _ = try store.ingest(second)
        let place = try store.resolveEntity("place:osterby"), org = try store.resolveEntity("organization:osterby")
        #expect(throws: StoreError.typesDiffer(["Osterby (place)", "Osterby (organization)"])) {
            try store.merge(keep: place, others: [org])
        }
        #expect(try store.corrections().isEmpty)
        let c = try store.merge(keep: place, others: [org], type: .government)
        #expect(c.entity == "government:osterby")
        let g = try store.snapshot()
        #expect(g.entities.filter { $0.name == "Osterby" }.map(\.id) == ["government:osterby"])
        #expect(relationKeys(g).contains("person:d-venn leads government:osterby 1"))
    }

    @Test func anUnknownEntitySuggestsTheNearestNames() throws {
        let (store, dir) = try fresh()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try store.ingest(first)
        #expect(throws: StoreError.self) { try store.resolveEntity("Dara Ven") }
        do { _ = try store.resolveEntity("Dara Ven") } catch { #expect(error.localizedDescription.contains("did you mean: Dara Venn")) }
    }

    @Test func aliasRenameAndRetypeChangeWhatQueriesSee() throws {
        let (store, dir) = try fresh()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try store.ingest(first)
        try store.addAliases(try store.resolveEntity("Tallow Institute"), ["TI", "the Tallow"])
        #expect(try store.resolveEntity("TI").id == "organization:tallow-institute")
        try store.rename(try store.resolveEntity("Dara Venn"), to: "Dara M. Venn")
        #expect(try store.resolveEntity("Dara Venn").name == "Dara M. Venn") // the old name stays an alias
        try store.retype(try store.resolveEntity("Osterby"), to: .government)
        let osterby = try store.resolveEntity("Osterby")
        #expect(osterby.id == "government:osterby" && osterby.type == .government)
        #expect(relationKeys(try store.snapshot()).contains("organization:tallow-institute located_in government:osterby 1"))
        #expect(try store.corrections().map(\.kind) == [.alias, .rename, .retype])
        #expect(throws: StoreError.self) { try store.addAliases(try store.resolveEntity("TI"), ["Tallow Institute"]) }
    }

    @Test func rejectHidesARelationAndAcceptBringsItBack() throws {
        let (store, dir) = try fresh()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try store.ingest(first)
        let venn = try store.resolveEntity("Dara Venn"), inst = try store.resolveEntity("Tallow Institute")
        #expect(throws: StoreError.self) { try store.reject(head: venn, family: .leads, tail: inst) }
        try store.reject(head: venn, family: .memberOf, tail: inst, reason: "joined is not member")
        #expect(!relationKeys(try store.snapshot()).contains("person:dara-venn member_of organization:tallow-institute 1"))
        #expect(try store.neighbors(of: venn).allSatisfy { $0.family != .memberOf })
        #expect(try store.corrections().first?.reason == "joined is not member")
        // symmetric families are rejected either way round
        try store.reject(head: try store.resolveEntity("D. Venn"), family: .meets, tail: venn)
        #expect(try store.snapshot().relations.allSatisfy { $0.family != .meets })
        try store.accept(head: venn, family: .memberOf, tail: inst)
        #expect(relationKeys(try store.snapshot()).contains("person:dara-venn member_of organization:tallow-institute 1"))
        #expect(try store.corrections().map(\.kind) == [.reject]) // the undone rejection is gone, the other stays
        #expect(throws: StoreError.notRejected("Dara Venn -[member_of]-> Tallow Institute")) {
            try store.accept(head: venn, family: .memberOf, tail: inst)
        }
    }

    @Test func rejectingOneDocumentsEvidenceKeepsTheOthers() throws {
        let (store, dir) = try fresh()
        defer { try? FileManager.default.removeItem(at: dir) }
        let again = handmade("three.txt", entities: [(.person, "Dara Venn"), (.organization, "Tallow Institute")],
                             relations: [("Dara Venn", .memberOf, "Tallow Institute", "Dara Venn is a fellow of the Tallow Institute.")])
        _ = try store.ingest(first)
        _ = try store.ingest(again)
        let venn = try store.resolveEntity("Dara Venn"), inst = try store.resolveEntity("Tallow Institute")
        try store.reject(head: venn, family: .memberOf, tail: inst, document: "one.txt")
        let rel = try #require(try store.snapshot().relations.first { $0.head == venn.id && $0.family == .memberOf })
        #expect(rel.evidence.map(\.documentID) == ["three.txt"])
        #expect(rel.confidence == 0.8)
        try store.accept(head: venn, family: .memberOf, tail: inst, document: "one.txt")
        let back = try #require(try store.snapshot().relations.first { $0.head == venn.id && $0.family == .memberOf })
        #expect(back.confidence == 0.96) // two articles: 1 - 0.2 * 0.2
        #expect(throws: StoreError.self) { try store.reject(head: venn, family: .memberOf, tail: inst, document: "nine.txt") }
    }

    @Test func aRebuiltOrRemovedAndRebuiltDocumentComesBackCorrected() throws {
        let (store, dir) = try fresh()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try store.ingest(first)
        _ = try store.ingest(second)
        try store.merge(keep: try store.resolveEntity("Dara Venn"), others: [try store.resolveEntity("D. Venn")])
        try store.rename(try store.resolveEntity("Tallow Institute"), to: "Tallow Institute for Peace")
        try store.reject(head: try store.resolveEntity("Tallow Institute for Peace"), family: .locatedIn, tail: try store.resolveEntity("place:osterby"))
        try store.addAliases(try store.resolveEntity("Dara Venn"), ["Venn"])
        let corrected = try store.snapshot()
        for doc in ["one.txt", "two.txt"] { try store.remove(documentID: doc) }
        _ = try store.ingest(second)
        _ = try store.ingest(first)
        let rebuilt = try store.snapshot()
        #expect(relationKeys(rebuilt) == relationKeys(corrected))
        #expect(Set(rebuilt.entities.map { "\($0.id) \($0.name) \($0.aliases.sorted())" }) == Set(corrected.entities.map { "\($0.id) \($0.name) \($0.aliases.sorted())" }))
        // a changed version of a document (same id, other text) is corrected too
        var changed = handmade("one.txt", entities: [(.person, "D. Venn"), (.organization, "Tallow Institute")],
                               relations: [("D. Venn", .memberOf, "Tallow Institute", "D. Venn still works for the Tallow Institute.")])
        changed.document.path = "one.txt"
        #expect(try store.ingest(changed) == .replaced)
        let g = try store.snapshot()
        #expect(!g.entities.contains { $0.id == "person:d-venn" })
        #expect(g.entities.first { $0.id == "organization:tallow-institute" }?.name == "Tallow Institute for Peace")
    }

    @Test func aDocumentBuiltAloneGetsTheCorrectionsItsEntitiesLeadTo() throws {
        let (store, dir) = try fresh()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try store.ingest(first)
        _ = try store.ingest(second)
        // merge, then rename the merged entity, then alias it: a chain that starts at "D. Venn"
        try store.addAliases(try store.resolveEntity("Tallow Institute"), ["TI"])
        try store.merge(keep: try store.resolveEntity("Dara Venn"), others: [try store.resolveEntity("D. Venn")])
        try store.rename(try store.resolveEntity("Dara Venn"), to: "Dara Q. Venn")
        try store.addAliases(try store.resolveEntity("Dara Q. Venn"), ["DQV"])
        for doc in ["one.txt", "two.txt"] { try store.remove(documentID: doc) }
        _ = try store.ingest(second) // names only "D. Venn"
        let venn = try store.resolveEntity("DQV")
        #expect(venn.id == "person:dara-venn" && venn.name == "Dara Q. Venn")
        #expect(try store.snapshot().relations.map { "\($0.head) \($0.family.rawValue) \($0.tail)" } == ["person:dara-venn leads organization:osterby"])
    }

    @Test func importIntoAFreshStoreGivesTheSameGraph() throws {
        let (store, dir) = try fresh()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Builder().build([Paths.examples.path], into: store)
        try store.merge(keep: try store.resolveEntity("Korean People's Army"), others: [try store.resolveEntity("Storm Corps")])
        try store.rename(try store.resolveEntity("Hanna Lee"), to: "Hanna J. Lee")
        try store.addAliases(try store.resolveEntity("Volodymyr Zelensky"), ["Ze"])
        try store.retype(try store.resolveEntity("Kursk"), to: .event)
        let praise = try #require(try store.snapshot().relations.first { $0.family == .praises })
        try store.reject(head: try store.resolveEntity(praise.head), family: .praises, tail: try store.resolveEntity(praise.tail), reason: "test")
        let file = dir.appendingPathComponent("corrections.json").path
        try AtomicWriter.write(try CorrectionsFile.encode(try store.corrections()), to: file)

        let other = try GraphStore(path: dir.appendingPathComponent("other.sqlite").path)
        _ = try Builder().build([Paths.examples.path], into: other)
        #expect(try other.importCorrections(try CorrectionsFile.read(file), from: file).added == 5)
        #expect(try other.importCorrections(try CorrectionsFile.read(file), from: file).added == 0) // already there
        let a = try store.snapshot(), b = try other.snapshot()
        #expect(a.entities == b.entities)
        #expect(a.relations == b.relations)
        #expect(a.mentions == b.mentions)
        #expect(a.relations.allSatisfy { $0.family != .praises || $0.head != praise.head || $0.tail != praise.tail })
    }

    @Test func aCorrectionsFileThatIsNoFileIsNamedByKindAndReason() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: StoreError.badCorrections("/dev/null", reason: "a device, not a regular file")) { try CorrectionsFile.read("/dev/null") }
        #expect(throws: StoreError.badCorrections(dir.path, reason: "a folder, not a regular file")) { try CorrectionsFile.read(dir.path) }
        // a relative path is named once, as given
        let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
        let relative = String(repeating: "../", count: depth) + dir.path.dropFirst()
        #expect(throws: StoreError.badCorrections(relative, reason: "a folder, not a regular file")) { try CorrectionsFile.read(relative) }
        let missing = dir.appendingPathComponent("none.json").path
        do { _ = try CorrectionsFile.read(missing); Issue.record("read a missing file") } catch {
            #expect(error.localizedDescription == "\(missing): no such file or folder", "\(error.localizedDescription)")
        }
        let bom = dir.appendingPathComponent("bom.json")
        try Data([0xEF, 0xBB, 0xBF] + Array(#"{"format": "kg-corrections", "version": 1, "corrections": []}"#.utf8)).write(to: bom)
        #expect(try CorrectionsFile.read(bom.path).isEmpty) // a byte-order mark, as some editors write, is no error
    }

    @Test func aBadCorrectionsFileChangesNothing() throws {
        let (store, dir) = try fresh()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try store.ingest(first)
        let file = dir.appendingPathComponent("c.json").path
        try Data(#"{"format": "kg-corrections", "version": 1, "corrections": [{"kind": "alias", "entity": "person:dara-venn", "names": ["DV"], "made": "x"}, {"kind": "merge", "entity": "person:dara-venn", "made": "y"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: file))
        #expect(throws: StoreError.badCorrections(file, reason: "correction 2: a 'merge' correction lacks a field")) {
            try store.importCorrections(try CorrectionsFile.read(file), from: file)
        }
        #expect(try store.corrections().isEmpty)
        try Data(#"{"format": "kg-corrections", "version": 1, "corrections": [{"kind": "alias", "entity": "person:dara-venn", "names": ["DV"]}]}"#.utf8)
            .write(to: URL(fileURLWithPath: file))
        #expect(try store.importCorrections(try CorrectionsFile.read(file), from: file).added == 1)
        #expect(try store.corrections().first?.made.hasPrefix("20") == true)
        #expect(try store.resolveEntity("DV").id == "person:dara-venn")
        try Data("kind\tentity\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: StoreError.self) { try CorrectionsFile.read(file) }
        do { _ = try CorrectionsFile.read(file) } catch { #expect(error.localizedDescription.hasPrefix("\(file): not JSON")) }
    }
}
