import Foundation

/// The file `kg corrections export` writes and `kg corrections import` reads, to share corrections in a team.
///
/// JSON: `{"format": "kg-corrections", "version": 1, "corrections": [Correction...]}`, each correction with
/// `kind`, `entity`, `made` and the fields of its kind (see ``Correction``). Entities are named by id
/// (`person:kim-yong-bok`), which is the same in every store built from the same articles.
public enum CorrectionsFile {
    struct Body: Codable {
        var format = "kg-corrections"
        var version = 1
        var corrections: [Correction]
    }

    /// The corrections as the file's JSON (pretty, keys sorted).
    public static func encode(_ corrections: [Correction]) throws -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try enc.encode(Body(corrections: corrections))
    }

    /// The corrections in the file at `path`.
    /// - Throws: `StoreError.badCorrections` naming the file and the problem.
    public static func read(_ path: String) throws -> [Correction] {
        let data: Data
        do {
            // read as articles are: the system's reason for a failure, devices and FIFOs refused by kind
            data = Data(try DocumentReader.read(URL(fileURLWithPath: path), maxBytes: 256 << 20).utf8)
        } catch let e as IngestError {
            let why = e.errorDescription ?? "\(e)"
            let named = [path, URL(fileURLWithPath: path).path].first { why.hasPrefix($0 + ": ") }
            throw StoreError.badCorrections(path, reason: named.map { String(why.dropFirst($0.count + 2)) } ?? why)
        }
        do {
            let body = try JSONDecoder().decode(Body.self, from: data)
            guard body.format == "kg-corrections" else { throw StoreError.badCorrections(path, reason: "not a kg corrections file") }
            guard body.version == 1 else { throw StoreError.badCorrections(path, reason: "version \(body.version) is not supported (1 is)") }
            return body.corrections
        } catch let e as StoreError {
            throw e
        } catch let DecodingError.dataCorrupted(ctx) {
            throw StoreError.badCorrections(path, reason: "not JSON (\(ctx.debugDescription))")
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw StoreError.badCorrections(path, reason: "'\(key.stringValue)' missing at \(where_(ctx))")
        } catch let DecodingError.typeMismatch(_, ctx), let DecodingError.valueNotFound(_, ctx) {
            throw StoreError.badCorrections(path, reason: "bad value at \(where_(ctx)): \(ctx.debugDescription)")
        } catch {
            throw StoreError.badCorrections(path, reason: "\(error)")
        }
    }

    private static func where_(_ ctx: DecodingError.Context) -> String {
        let p = ctx.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return p.isEmpty ? "the top" : p
    }
}
