import ArgumentParser
import Foundation
import Graph

/// A user catalog of identities and aliases, beside the bundled one (build, explain).
struct CatalogOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "A catalog of one's own, in the format of the bundled entities.tsv: type<TAB>name<TAB>aliases (;).",
        discussion: "Default: catalog.tsv beside the store (out/catalog.tsv), when it exists. Its names beat the bundled ones."))
    var catalog: String?

    func validate() throws {
        if let catalog, !FileManager.default.fileExists(atPath: catalog) {
            throw ValidationError("'--catalog \(catalog)': no such file")
        }
    }

    /// The extractor with the user catalog (given, else the default file beside `store` when it exists).
    func extractor(store: String = "out/kg.sqlite") throws -> Extractor {
        let path = catalog ?? defaultPath(store: store)
        guard let path else { return .standard }
        return Extractor(lexicon: Lexicon.standard.adding(try Lexicon.userEntities(contentsOf: path)))
    }

    private func defaultPath(store: String) -> String? {
        let p = ((store as NSString).deletingLastPathComponent as NSString).appendingPathComponent("catalog.tsv")
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }
}
