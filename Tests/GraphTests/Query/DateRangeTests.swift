import Foundation
import Testing
@testable import Graph

@Suite struct DateRangeTests {
    /// Three dated articles of our own and one without a date.
    func store() throws -> (GraphStore, URL) {
        let dir = Paths.temporaryFolder()
        let store = try GraphStore(path: dir.appendingPathComponent("kg.sqlite").path)
        let articles: [(String, String?, [(EntityType, String)], [(String, RelationFamily, String, String)])] = [
            ("march.txt", "2024-03-02", [(.person, "Ines Marlow"), (.organization, "Fenwick Trust"), (.place, "Calder")],
             [("Ines Marlow", .leads, "Fenwick Trust", "Ines Marlow leads the Fenwick Trust."),
              ("Fenwick Trust", .locatedIn, "Calder", "The Fenwick Trust is based in Calder.")]),
            ("june.txt", "2024-06-15", [(.person, "Ines Marlow"), (.place, "Calder")],
             [("Ines Marlow", .locatedIn, "Calder", "Ines Marlow arrived in Calder.")]),
            ("january.txt", "2025-01-20", [(.person, "Ines Marlow"), (.person, "Oren Vale")],
             [("Ines Marlow", .meets, "Oren Vale", "Ines Marlow met Oren Vale.")]),
            ("undated.txt", nil, [(.person, "Oren Vale"), (.place, "Calder")],
             [("Oren Vale", .locatedIn, "Calder", "Oren Vale lives in Calder.")]),
        ]
        for (id, date, entities, relations) in articles {
            var r = handmade(id, entities: entities, relations: relations)
            r.document = r.document.dated(date.map { DocumentDate(date: $0, origin: .dateline) })
            _ = try store.ingest(r)
        }
        return (store, dir)
    }

    @Test func rangesParseYearsMonthsAndDaysInclusively() throws {
        #expect(try DateRange(since: "2024", until: "2024-02") == DateRange(since: "2024-01-01", until: "2024-02-29"))
        #expect(try DateRange(until: "2023-02").until == "2023-02-28")
        #expect(throws: DateRange.Error.badDate("--since", "2024-13")) { try DateRange(since: "2024-13") }
        #expect(throws: DateRange.Error.badDate("--until", "March")) { try DateRange(until: "March") }
        #expect(throws: DateRange.Error.badDate("--until", "2023-02-29")) { try DateRange(until: "2023-02-29") }
        #expect(throws: DateRange.Error.empty("2025-01-01", "2024-12-31")) { try DateRange(since: "2025", until: "2024") }
        #expect(DateRange.Error.badDate("--since", "x").errorDescription?.hasPrefix("'--since x'") == true)
    }

    @Test func neighborsShowAndPathKeepOnlyEvidenceFromTheRange() throws {
        let (all, dir) = try store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let marlow = try all.resolveEntity("Ines Marlow")
        #expect(Set(try all.neighbors(of: marlow).map(\.entity.name)) == ["Fenwick Trust", "Calder", "Oren Vale"])
        let spring = all.within(try DateRange(since: "2024-03", until: "2024-06"))
        #expect(Set(try spring.neighbors(of: marlow).map(\.entity.name)) == ["Fenwick Trust", "Calder"])
        let card = try spring.card(for: marlow)
        #expect(card.relations.flatMap(\.evidence).allSatisfy { ["march.txt", "june.txt"].contains($0.documentID) })
        #expect(card.mentions.map(\.document) == ["june.txt", "march.txt"])
        let vale = try all.resolveEntity("Oren Vale")
        #expect(try all.path(from: marlow, to: vale)?.count == 1)
        #expect(try all.within(try DateRange(until: "2024")).path(from: marlow, to: vale) == nil) // the meeting is of 2025; undated evidence is out
    }

    @Test func entitiesAndSnapshotKeepTheRangesArticles() throws {
        let (all, dir) = try store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let late = all.within(try DateRange(since: "2025"))
        #expect(Set(try late.entities().map(\.entity.name)) == ["Ines Marlow", "Oren Vale"])
        #expect(try late.entities().first { $0.entity.name == "Ines Marlow" }?.degree == 1)
        let g = try late.snapshot()
        #expect(g.documents.map(\.id) == ["january.txt"])
        #expect(g.relations.map(\.family) == [.meets])
        #expect(Set(g.entities.map(\.name)) == ["Ines Marlow", "Oren Vale"])
        #expect(try all.snapshot().documents.count == 4)
    }

    @Test func theTimelineListsRelationsEarliestFirstWithTheirSentence() throws {
        let (all, dir) = try store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try all.timeline()
        #expect(t.map(\.date) == ["2024-03-02", "2024-03-02", "2024-06-15", "2025-01-20", nil])
        #expect(t.first?.evidence.first?.text == "Ines Marlow leads the Fenwick Trust.")
        let vale = try all.timeline(of: try all.resolveEntity("Oren Vale"))
        #expect(vale.map { "\($0.headName) \($0.family.rawValue) \($0.tailName)" } == ["Ines Marlow meets Oren Vale", "Oren Vale located_in Calder"])
        #expect(try all.within(try DateRange(until: "2024-12-31")).timeline().count == 3)
    }

    @Test func aDocumentsStatementsAreItsRelations() throws {
        let (all, dir) = try store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try all.statements(inDocument: "march.txt")
        #expect(s.map { "\($0.headName) \($0.family.rawValue) \($0.tailName)" } == ["Ines Marlow leads Fenwick Trust", "Fenwick Trust located_in Calder"])
        #expect(s.allSatisfy { $0.date == "2024-03-02" && $0.evidence.count == 1 })
        #expect(throws: StoreError.self) { try all.statements(inDocument: "marsh.txt") }
    }
}
