import Foundation

/// Finds article files and reads them as text.
public enum DocumentReader {
    /// The `.txt` files named by `paths`: files as given, folders searched
    /// recursively, in a stable (sorted) order.
    public static func collectFiles(_ paths: [String]) throws -> [URL] {
        let fm = FileManager.default
        var out: [URL] = []
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { throw IngestError.notFound(path) }
            if isDir.boolValue {
                let root = URL(fileURLWithPath: path)
                guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
                    throw IngestError.unreadable(path, reason: "cannot list folder")
                }
                var found: [URL] = []
                for case let url as URL in walker where url.pathExtension.lowercased() == "txt" {
                    found.append(url)
                }
                guard !found.isEmpty else { throw IngestError.noInputs(path) }
                out += found.sorted { $0.path < $1.path }
            } else {
                out.append(URL(fileURLWithPath: path))
            }
        }
        return out
    }

    /// The file's text; fails on anything that is not UTF-8 text.
    public static func read(_ url: URL) throws -> String {
        guard FileManager.default.fileExists(atPath: url.path) else { throw IngestError.notFound(url.path) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw IngestError.unreadable(url.path, reason: (error as NSError).localizedDescription)
        }
        if data.contains(0) { throw IngestError.notText(url.path) }
        guard String(data: data, encoding: .utf8) != nil else { throw IngestError.notText(url.path) }
        // decoded as is: Foundation's decoder drops a byte-order mark, which would shift every offset by one
        return String(decoding: data, as: UTF8.self)
    }

    /// A content hash for de-duplication: FNV-1a over the UTF-8 bytes, with the length.
    /// The store confirms a hash hit by comparing the stored text.
    public static func contentHash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var n = 0
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
            n += 1
        }
        return String(format: "%016llx-%d", h, n)
    }
}
