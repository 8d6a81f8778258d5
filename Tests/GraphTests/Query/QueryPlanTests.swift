import Foundation
import GRDB
import Testing
@testable import Graph

/// Every statement neighbors, path and show run is answered from an index: EXPLAIN QUERY PLAN
/// of each (as traced while the query ran) searches tables, never scans them.
/// Serialized, on a store of its own: the trace sees every statement on the store's connection, so no other
/// test may use that store meanwhile.
@Suite(.serialized) struct QueryPlanTests {
    static let fixture: GraphStore = {
        let dir = Paths.temporaryFolder()
        let store = try! GraphStore(path: dir.appendingPathComponent("kg.sqlite").path)
        _ = try! Builder().build([Paths.examples.path], into: store)
        return store
    }()

    /// The statements `body` runs on the store's connection, with their arguments.
    func traced(_ store: GraphStore, _ body: () throws -> Void) throws -> [String] {
        let log = StatementLog()
        try store.db.inDatabase { db in
            db.trace(options: .statement) { event in
                if case .statement(let s) = event { log.add(s.expandedSQL) }
            }
        }
        defer { try? store.db.inDatabase { $0.trace(options: .statement, nil) } }
        try body()
        return log.all
    }

    func scans(_ store: GraphStore, _ statements: [String]) throws -> [String] {
        var bad: [String] = []
        for sql in Set(statements) where sql.uppercased().hasPrefix("SELECT") {
            let plan = try store.db.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }
            }
            for step in plan where step.hasPrefix("SCAN") && !step.contains("json_each") && !step.contains("CONSTANT ROW") {
                bad.append("\(step) in: \(sql)")
            }
        }
        return bad
    }

    @Test func neighborsPathAndShowSearchIndexesAndNeverScan() throws {
        let s = Self.fixture
        let g = try s.resolveEntity("Gerasimov"), k = try s.resolveEntity("Kursk")
        let statements = try traced(s) {
            _ = try s.neighbors(of: g, evidence: .first)
            _ = try s.neighbors(of: g, depth: 2, families: [.meets, .leads], evidence: .all)
            _ = try s.path(from: g, to: k)
            _ = try s.card(for: k)
            _ = try s.documents(ids: ["03_report_gerasimov.txt", "05_live_blog.txt"])
        }
        #expect(statements.contains { $0.contains("FROM relation") })
        #expect(statements.contains { $0.contains("FROM evidence") })
        let bad = try scans(s, statements)
        #expect(bad.isEmpty, "\(bad)")
    }

    @Test func theTestSeesAScanWhenThereIsOne() throws {
        let s = Self.fixture
        #expect(try !scans(s, ["SELECT * FROM evidence WHERE text LIKE '%a%'"]).isEmpty)
    }

    @Test func textNeighborsLoadOneSentenceEachAndNoneForWhatIsNotShown() throws {
        let s = Self.fixture
        let g = try s.resolveEntity("Gerasimov")
        let all = try s.neighbors(of: g, depth: 2, evidence: .all)
        let first = try s.neighbors(of: g, depth: 2, evidence: .first, limit: 3)
        #expect(first.count == 3 && all.count > 3)
        #expect(first.allSatisfy { $0.evidence.count == 1 })
        // evidence statements run: one per shown neighbor, not one per relation touched
        let statements = try traced(s) { _ = try s.neighbors(of: g, depth: 2, evidence: .first, limit: 3) }
        #expect(statements.filter { $0.contains("FROM evidence") }.count == 3)
        #expect(zip(first, all).allSatisfy { $0.entity.id == $1.entity.id && $0.family == $1.family })
    }
}

/// Statements seen by a trace, from any thread.
final class StatementLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
