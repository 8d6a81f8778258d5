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
}
