import Foundation

/// Writes files so that a reader sees the old content or the new, never half of it:
/// into a temporary file beside the target, then renamed over it.
public enum AtomicWriter {
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            try data.write(to: tmp)
            if rename(tmp.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: tmp)
                throw ExportError.cannotWrite(path, reason: reason)
            }
        } catch let e as ExportError {
            throw e
        } catch {
            throw ExportError.cannotWrite(path, reason: (error as NSError).localizedDescription)
        }
    }
}
