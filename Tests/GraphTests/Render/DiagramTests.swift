import Foundation
import Testing
@testable import Graph

struct DiagramTests {
    static func ev(_ doc: String, _ start: Int) -> Evidence {
        Evidence(documentID: doc, text: "Sentence \(start) of \(doc).", start: start, end: start + 10)
    }

    /// A hub leading five bodies; two of the bodies also attack each other.
    static let graph = GraphSnapshot(
        entities: [Entity(id: "p:hub", name: "Hub", type: .person)]
            + (1...5).map { Entity(id: "o:\($0)", name: "Body \($0)", type: .organization) }
            + [Entity(id: "g:x", name: "Xland", type: .government), Entity(id: "p:alone", name: "Alone", type: .person)],
        relations: (1...5).map { Relation(head: "p:hub", tail: "o:\($0)", family: .leads, confidence: 0.5, evidence: [ev("a.txt", $0)]) }
            + [Relation(head: "o:1", tail: "o:2", family: .attacks, confidence: 0.6, evidence: [ev("a.txt", 100), ev("a.txt", 200), ev("a.txt", 300)]),
               Relation(head: "o:2", tail: "o:1", family: .attacks, confidence: 0.7, evidence: [ev("b.txt", 5)]),
               Relation(head: "o:1", tail: "g:x", family: .memberOf, confidence: 0.9, evidence: [ev("c.txt", 1)])])

    @Test func parallelRelationsOfOneFamilyMergeAndCountArticles() {
        let d = Diagram(Self.graph)
        let attacks = d.edges.filter { $0.family == .attacks }
        #expect(attacks.count == 1)
        #expect(attacks[0].bothWays)
        #expect(attacks[0].evidence.count == 4)
        #expect(attacks[0].articles == 2, "three sentences of a.txt and one of b.txt are two sources")
        #expect(attacks[0].confidence == 0.7)
    }

    @Test func minSourcesCountsArticlesNotSentences() {
        let d = Diagram(Self.graph, options: .init(minSources: 2))
        #expect(d.edges.map(\.family) == [.attacks])
        #expect(Set(d.nodes.map(\.entity.id)) == ["o:1", "o:2"])
    }

    @Test func topKeepsTheMostConnectedEntities() {
        let d = Diagram(Self.graph, options: .init(top: 3))
        #expect(Set(d.nodes.map(\.entity.id)) == ["p:hub", "o:1", "o:2"])
        #expect(d.title.contains("3 entities") && d.title.contains("top 3"))
    }

    @Test func familyAndTypeFilters() {
        let d = Diagram(Self.graph, options: .init(families: [.leads, .memberOf], types: [.organization, .government]))
        #expect(d.edges.map(\.family) == [.memberOf])
        #expect(Set(d.nodes.map(\.entity.id)) == ["o:1", "g:x"])
    }

    @Test func focusKeepsItsNeighbourhoodAndIsMarked() {
        let d = Diagram(Self.graph, options: .init(focus: "g:x", depth: 1))
        #expect(Set(d.nodes.map(\.entity.id)) == ["g:x", "o:1"])
        #expect(d.nodes.first { $0.entity.id == "g:x" }?.isFocus == true)
        let two = Diagram(Self.graph, options: .init(focus: "g:x", depth: 2))
        #expect(Set(two.nodes.map(\.entity.id)) == ["g:x", "o:1", "o:2", "p:hub"])
        #expect(two.title.hasPrefix("kg: Xland, within 2: 4 entities, 3 relations"))
        #expect(!two.edges.contains { $0.head == "p:hub" && $0.tail == "o:2" }, "Hub and Body 2 are both 2 away: their relation leads nowhere from the focus")
    }

    @Test func titleCountsWhatIsDrawn() {
        let d = Diagram(Self.graph)
        #expect(d.title == "kg: 7 entities, 7 relations from 3 articles (of 8 entities, 7 relations)")
        let all = Diagram(Self.graph, options: .init(isolated: true))
        #expect(all.title == "kg: 8 entities, 7 relations from 3 articles")
    }

    @Test func anEdgeBudgetKeepsTheBestAttestedAndSaysLast() {
        var g = Self.graph
        g.entities.append(Entity(id: "p:talker", name: "Talker", type: .person))
        g.relations.append(Relation(head: "p:talker", tail: "o:3", family: .says, confidence: 1,
                                    evidence: [Self.ev("a.txt", 400), Self.ev("b.txt", 400), Self.ev("c.txt", 400)]))
        let d = Diagram(g, options: .init(maxEdges: 2))
        #expect(d.edges.map(\.family) == [.attacks, .memberOf], "attacks has 2 articles; member_of the best confidence of the rest; says last")
        #expect(Set(d.nodes.map(\.entity.id)) == ["o:1", "o:2", "g:x"])
        #expect(d.title.contains("the 2 best attested relations"))
    }
}

extension DiagramTests {
    @Test func localLinksAreRelativeToTheOutputFolderWhenGiven() {
        let g = GraphSnapshot(documents: [Document(id: "a b.txt", path: "/data/corpus/a b.txt", contentHash: "")])
        #expect(Diagram(g).link("a b.txt") == "file:///data/corpus/a%20b.txt")
        #expect(Diagram(g, linkBase: URL(fileURLWithPath: "/data/out")).link("a b.txt") == "../corpus/a%20b.txt")
    }
}
