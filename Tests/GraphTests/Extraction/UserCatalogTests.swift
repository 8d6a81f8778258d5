import Foundation
import Testing
@testable import Graph

@Suite struct UserCatalogTests {
    func catalog(_ text: String) throws -> (String, URL) {
        let dir = Paths.temporaryFolder()
        let file = dir.appendingPathComponent("catalog.tsv")
        try Data(text.utf8).write(to: file)
        return (file.path, dir)
    }

    @Test func ownIdentitiesAndAliasesLinkMentions() throws {
        let (file, dir) = try catalog("# our desk's names\nperson\tOrla Brennick\tAdm. Brennick;the Harbour Admiral\norganization\tGrey Tern Maritime\tGTM\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let own = try Lexicon.userEntities(contentsOf: file)
        #expect(own.map(\.name) == ["Orla Brennick", "Grey Tern Maritime"])
        let extractor = Extractor(lexicon: Lexicon.standard.adding(own))
        let r = try extractor.extract(documentID: "t.txt", path: "t.txt",
                                      text: "Adm. Brennick inspected the GTM shipyard in Rotterdam on Tuesday.", annotator: annotator)
        #expect(r.mentions.contains { $0.entityID == "person:orla-brennick" && $0.text.contains("Brennick") })
        #expect(r.entities.contains { $0.id == "organization:grey-tern-maritime" })
        // without the catalog kg knows neither
        let plain = extract("Adm. Brennick inspected the GTM shipyard in Rotterdam on Tuesday.")
        #expect(!plain.entities.contains { $0.id == "person:orla-brennick" || $0.id == "organization:grey-tern-maritime" })
    }

    @Test func ownAliasesBeatTheBundledOnes() throws {
        // the bundled catalog reads "Col. Gen. Kim" as Kim Yong Bok; this desk means someone else
        let (file, dir) = try catalog("person\tKim Dae Seon\tCol. Gen. Kim\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = "Col. Gen. Kim arrived in Kursk on Monday."
        #expect(extract(text).mentions.contains { $0.entityID == "person:kim-yong-bok" })
        let extractor = Extractor(lexicon: Lexicon.standard.adding(try Lexicon.userEntities(contentsOf: file)))
        let r = try extractor.extract(documentID: "t.txt", path: "t.txt", text: text, annotator: annotator)
        #expect(r.mentions.contains { $0.entityID == "person:kim-dae-seon" })
        #expect(!r.mentions.contains { $0.entityID == "person:kim-yong-bok" })
    }

    @Test func anIdentityOfTheSameIdReplacesTheBundledOne() throws {
        let (file, dir) = try catalog("person\tMark Rutte\tThe Dutchman\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let lexicon = Lexicon.standard.adding(try Lexicon.userEntities(contentsOf: file))
        #expect(lexicon.entities.filter { $0.name == "Mark Rutte" }.map(\.aliases) == [["The Dutchman"]])
        #expect(lexicon.entities.count == Lexicon.standard.entities.count)
    }

    @Test func aBadLineIsNamedByFileAndLine() throws {
        let (file, dir) = try catalog("person\tOrla Brennick\n\nperzon\tSomeone\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: LexiconError.self) { try Lexicon.userEntities(contentsOf: file) }
        do { _ = try Lexicon.userEntities(contentsOf: file) } catch {
            #expect(error.localizedDescription.hasPrefix("\(file):3: unknown type 'perzon'"))
        }
        let (file2, dir2) = try catalog("person Orla Brennick\n")
        defer { try? FileManager.default.removeItem(at: dir2) }
        do { _ = try Lexicon.userEntities(contentsOf: file2); Issue.record("a line without tabs was accepted") } catch {
            #expect(error.localizedDescription.hasPrefix("\(file2):1: expected type<TAB>name<TAB>aliases"))
        }
    }
}
