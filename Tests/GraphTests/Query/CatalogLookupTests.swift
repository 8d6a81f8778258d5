import Foundation
import Testing
@testable import Graph

@Suite struct CatalogLookupTests {
    @Test func aNameOnlyTheBundledCatalogKnowsFindsItsEntity() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("kg.sqlite").path)
        _ = try store.ingest(handmade("a.txt", entities: [(.person, "Volodymyr Zelensky"), (.place, "Calder")],
                                      relations: [("Volodymyr Zelensky", .locatedIn, "Calder", "Volodymyr Zelensky arrived in Calder.")]))
        #expect(try store.resolveEntity("Zelenskyy").id == "person:volodymyr-zelensky")
        #expect(throws: StoreError.self) { try store.resolveEntity("KPA") } // known to the catalog, absent from the store
    }

    @Test func aNameWithNothingToLookUpSaysSoInsteadOfSuggesting() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("kg.sqlite").path)
        _ = try store.ingest(handmade("a.txt", entities: [(.person, "Ada Brenner"), (.place, "Calder")],
                                      relations: [("Ada Brenner", .locatedIn, "Calder", "Ada Brenner arrived in Calder.")]))
        for name in ["", "   ", "--", "'s"] {
            #expect(throws: StoreError.emptyName(name)) { try store.resolveEntity(name) }
        }
        #expect(StoreError.emptyName("").errorDescription?.hasPrefix("the entity name is empty") == true)
        #expect(try store.resolveEntity("ada brenner").name == "Ada Brenner")
    }
}
