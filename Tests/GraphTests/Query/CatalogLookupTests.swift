import Foundation
import Testing
@testable import Graph

@Suite struct CatalogLookupTests {
    /// A store in `dir` holding one article: `person` arrived in Calder.
    static func store(in dir: URL, person: String) throws -> GraphStore {
        let store = try GraphStore(path: dir.appendingPathComponent("kg.sqlite").path)
        _ = try store.ingest(handmade("a.txt", entities: [(.person, person), (.place, "Calder")],
                                      relations: [(person, .locatedIn, "Calder", "\(person) arrived in Calder.")]))
        return store
    }

    @Test func aNameOnlyTheBundledCatalogKnowsFindsItsEntity() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Self.store(in: dir, person: "Volodymyr Zelensky")
        #expect(try store.resolveEntity("Zelenskyy").id == "person:volodymyr-zelensky")
        #expect(throws: StoreError.self) { try store.resolveEntity("KPA") } // known to the catalog, absent from the store
    }

    @Test func aNameWithNothingToLookUpSaysSoInsteadOfSuggesting() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Self.store(in: dir, person: "Ada Brenner")
        for name in ["", "   ", "--", "'s"] {
            #expect(throws: StoreError.emptyName(name)) { try store.resolveEntity(name) }
        }
        #expect(StoreError.emptyName("").errorDescription?.hasPrefix("the entity name is empty") == true)
        #expect(try store.resolveEntity("ada brenner").name == "Ada Brenner")
    }
}
