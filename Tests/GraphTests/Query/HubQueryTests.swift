import Foundation
import GRDB
import Testing
@testable import Graph

/// Queries next to hubs: a limited walk reads only the rows it can still show, and shows what
/// an unlimited walk would have shown first.
@Suite(.serialized) struct HubQueryTests {
    /// 3,000 relations among 300 entities; five hubs of 500 relations each.
    static let store: GraphStore = {
        let path = Paths.temporaryFolder().appendingPathComponent("hubs.sqlite").path
        try! ScaleBenchmark.syntheticStore(path, relations: 3000, hub: 500)
        return try! GraphStore.openExisting(path: path)
    }()

    /// A low-degree entity next to hub 0.
    func lowDegreeEntity() throws -> Entity {
        let id = try Self.store.db.read { db in
            try String.fetchOne(db, sql: "SELECT tail FROM relation WHERE head = 'e0' ORDER BY id LIMIT 1")!
        }
        return try Self.store.resolveEntity("Entity " + id.dropFirst())
    }

    /// The statements `body` runs on the store's connection.
    func traced(_ body: () throws -> Void) throws -> [String] {
        let log = StatementLog()
        try Self.store.db.inDatabase { db in
            db.trace(options: .statement) { event in if case .statement(let s) = event { log.add(s.expandedSQL) } }
        }
        defer { try? Self.store.db.inDatabase { $0.trace(options: .statement, nil) } }
        try body()
        return log.all
    }

    func key(_ n: Neighbor) -> String { "\(n.depth) \(n.sources) \(n.entity.name) \(n.family.rawValue)" }

    @Test func aLimitedDepthTwoWalkShowsWhatTheUnlimitedWalkShowsFirst() throws {
        let low = try lowDegreeEntity()
        let all = try Self.store.neighbors(of: low, depth: 2, evidence: .none)
        #expect(all.count > 500, "the walk reaches the hubs' neighbors")
        for limit in [1, 10, 25, 60, 400] {
            let some = try Self.store.neighbors(of: low, depth: 2, evidence: .none, limit: limit)
            #expect(some.count == limit)
            #expect(some.map(key) == all.prefix(limit).map(key), "limit \(limit)")
        }
    }

    @Test func aLimitedDepthTwoWalkNeverReadsAHubsWholeNeighborhood() throws {
        let low = try lowDegreeEntity()
        let statements = try traced { _ = try Self.store.neighbors(of: low, depth: 2, evidence: .none, limit: 20) }
        let walks = statements.filter { $0.contains("FROM relation r JOIN entity") }
        #expect(walks.count >= 2)
        // every level is cut by SQLite well below a hub's 500 relations
        for sql in walks {
            let limit = sql.range(of: #"LIMIT (\d+)"#, options: .regularExpression).map { Int(sql[$0].dropFirst(6))! }
            #expect(limit != nil && limit! < 200, "uncut or barely cut: \(sql)")
        }
    }

    @Test func aHubsNeighborsStopAtTheLimitWithoutReadingTheNextLevel() throws {
        let hub = try Self.store.resolveEntity("Hub 0")
        var some: [Neighbor] = []
        let statements = try traced { some = try Self.store.neighbors(of: hub, depth: 3, evidence: .none, limit: 50) }
        #expect(some.count == 50 && some.allSatisfy { $0.depth == 1 })
        // level 1 fills the limit: levels 2 and 3 are never read (one statement per direction)
        #expect(statements.filter { $0.contains("FROM relation r JOIN entity") }.count == 2)
    }
}
