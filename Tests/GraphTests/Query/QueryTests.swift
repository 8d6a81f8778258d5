import Foundation
import Testing
@testable import Graph

/// Queries over a store built from our own example corpus.
@Suite struct QueryTests {
    static let fixture: GraphStore = {
        let dir = Paths.temporaryFolder()
        let store = try! GraphStore(path: dir.appendingPathComponent("kg.sqlite").path)
        _ = try! Builder().build([Paths.examples.path], into: store)
        return store
    }()

    @Test func namesAndAliasesResolveCaseInsensitively() throws {
        let s = Self.fixture
        #expect(try s.resolveEntity("kursk").name == "Kursk")
        #expect(try s.resolveEntity("the Kremlin").name == "Russia")
        #expect(try s.resolveEntity("Gerasimov").name == "Valery Gerasimov")
    }

    @Test func anAmbiguousNameListsTheCandidates() {
        #expect(throws: StoreError.self) { try Self.fixture.resolveEntity("Kim") }
        do { _ = try Self.fixture.resolveEntity("Kim") } catch {
            #expect(error.localizedDescription.contains("Kim Jong Un"))
            #expect(error.localizedDescription.contains("Kim Yong Bok"))
        }
    }

    @Test func anUnknownNameSuggestsTheNearest() {
        do { _ = try Self.fixture.resolveEntity("Gerasimof"); Issue.record("expected an error") } catch {
            #expect(error.localizedDescription.contains("Valery Gerasimov") || error.localizedDescription.contains("Gerasimov"))
        }
    }

    @Test func neighborsOfGerasimovAreCited() throws {
        let s = Self.fixture
        let near = try s.neighbors(of: try s.resolveEntity("Gerasimov"))
        #expect(near.contains { $0.entity.name == "Vladimir Putin" && $0.family == .meets })
        #expect(near.contains { $0.entity.name == "Russian armed forces" && $0.family == .leads && $0.direction == .out })
        #expect(near.allSatisfy { !$0.evidence.isEmpty })
    }

    @Test func neighborFiltersApply() throws {
        let s = Self.fixture
        let g = try s.resolveEntity("Gerasimov")
        let onlyMeets = try s.neighbors(of: g, families: [.meets])
        #expect(!onlyMeets.isEmpty && onlyMeets.allSatisfy { $0.family == .meets })
        let incoming = try s.neighbors(of: g, direction: .in)
        #expect(incoming.allSatisfy { $0.direction == .in })
        let people = try s.neighbors(of: g, depth: 2, type: .person)
        #expect(people.allSatisfy { $0.entity.type == .person })
        #expect(try s.neighbors(of: g, depth: 2).count > (try s.neighbors(of: g)).count)
    }

    @Test func pathHopsCarryEvidence() throws {
        let s = Self.fixture
        let hops = try #require(try s.path(from: try s.resolveEntity("Gerasimov"), to: try s.resolveEntity("Kursk")))
        #expect(hops.count >= 1 && hops.count <= 4)
        #expect(hops.first?.fromName == "Valery Gerasimov")
        #expect(hops.last?.toName == "Kursk")
        for (a, b) in zip(hops, hops.dropFirst()) { #expect(a.to == b.from) }
        #expect(hops.allSatisfy { !$0.evidence.isEmpty })
    }

    @Test func entityCardListsMentionsAndAllEvidence() throws {
        let s = Self.fixture
        let card = try s.card(for: try s.resolveEntity("Storm Corps"))
        #expect(card.entity.type == .military)
        #expect(card.mentions.contains { $0.document == "02_analysis_storm_corps.txt" })
    }

    @Test func entitiesSortByDegree() throws {
        let list = try Self.fixture.entities(sort: .degree)
        #expect(zip(list, list.dropFirst()).allSatisfy { $0.degree >= $1.degree })
        #expect(try Self.fixture.entities(type: .place).allSatisfy { $0.entity.type == .place })
    }
}
