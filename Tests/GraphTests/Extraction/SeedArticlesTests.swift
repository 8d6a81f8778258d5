import Foundation
import Testing
@testable import Graph

/// End to end over the five shared seed articles (not part of this repository).
@Suite(.enabled(if: Paths.haveSeeds, "needs ../shared/seeds"))
struct SeedArticlesTests {
    static let store: (GraphStore, URL) = {
        let dir = Paths.temporaryFolder()
        let store = try! GraphStore(path: dir.appendingPathComponent("seeds.sqlite").path)
        _ = try! Builder().build([Paths.seeds.path], into: store)
        return (store, dir)
    }()

    @Test func theStorysActorsAreNodes() throws {
        let g = try Self.store.0.snapshot()
        let names = Set(g.entities.map(\.name))
        for n in ["Kim Yong Bok", "Valery Gerasimov", "Storm Corps", "Kursk", "North Korea", "Russia", "Ukraine", "South Korea", "United States"] {
            #expect(names.contains(n), "\(n)")
        }
    }

    @Test func gerasimovMergesWithValeryGerasimov() throws {
        let g = try Self.store.0.snapshot()
        #expect(g.entities.filter { $0.name.contains("Gerasimov") }.count == 1)
        #expect(g.entities.filter { $0.name.contains("Putin") }.count == 1)
        #expect(g.entities.filter { $0.name.contains("11th") }.isEmpty)
    }

    @Test func pageChromeLeavesNoEntity() throws {
        let names = Set(try Self.store.0.snapshot().entities.map(\.name))
        for chrome in ["Conor McGregor", "Arsenal", "Magzter", "Rassie Erasmus", "Helen Coffey", "Salma Yusuf Husain", "Trump"] {
            #expect(!names.contains { $0.contains(chrome) }, "\(chrome)")
        }
    }

    @Test func everyEdgeCitesASentenceOfTheRightFile() throws {
        let g = try Self.store.0.snapshot()
        #expect(g.relations.count > 50)
        var texts: [String: SourceText] = [:]
        for d in g.documents { texts[d.id] = SourceText(try String(contentsOfFile: d.path, encoding: .utf8)) }
        let names = Dictionary(uniqueKeysWithValues: g.entities.map { ($0.id, [$0.name] + $0.aliases) })
        for r in g.relations {
            #expect(!r.evidence.isEmpty)
            for ev in r.evidence {
                let source = try #require(texts[ev.documentID])
                #expect(source.slice(ev.start, ev.end) == ev.text)
                // the sentence names both ends, or refers to them
                let mentioned = g.mentions.filter { $0.documentID == ev.documentID && $0.start >= ev.start && $0.end <= ev.end }
                let ids = Set(mentioned.map(\.entityID))
                #expect(ids.contains(r.head) || ids.contains(r.tail), "\(names[r.head]?.first ?? r.head) / \(names[r.tail]?.first ?? r.tail): \(ev.text)")
            }
        }
    }

    @Test func kurskHasCitedNeighbors() throws {
        let store = Self.store.0
        let kursk = try store.resolveEntity("kursk")
        let near = try store.neighbors(of: kursk)
        #expect(near.contains { $0.entity.name == "Russia" && $0.family == .partOf })
        #expect(near.contains { $0.entity.name == "Korean People's Army" })
    }

    @Test func editionLineGivesTheIndependentAndItsDate() throws {
        let docs = try Self.store.0.documents()
        let d = try #require(docs.first { $0.id.hasPrefix("001_") })
        #expect(d.outlet == "The Independent")
        #expect(d.date == "November 07, 2024")
        #expect(docs.first { $0.id.hasPrefix("004_") }?.sourceURL?.hasPrefix("https://") == true)
    }
}
