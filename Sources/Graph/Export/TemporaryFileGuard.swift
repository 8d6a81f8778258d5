import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes a temporary file when the process is interrupted while the file exists.
///
/// The first guard installs handlers for SIGINT, SIGTERM and SIGHUP (only for signals whose
/// disposition is still the default, so a handler of the host program is never replaced).
/// The handler unlinks every registered file, which `unlink(2)` does async-signal-safely,
/// restores the default disposition and raises the signal again, so the process ends as
/// it would have.
final class TemporaryFileGuard: @unchecked Sendable {
    /// Paths of the registered files, as NUL-terminated C strings in fixed slots the signal
    /// handler can read without allocating.
    private static let slotCount = 32
    private static let slotSize = Int(PATH_MAX) + 1
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)
        p.initialize(repeating: 0, count: slotCount * slotSize)
        return p
    }()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installed = false

    private let slot: Int?

    /// Registers `path` (when a slot is free and the path fits; else the file is left to
    /// the stale-file sweep of ``AtomicWriter``).
    init(_ path: String) {
        Self.lock.lock()
        defer { Self.lock.unlock() }
        if !Self.installed {
            _ = Self.slots
            for sig in [SIGINT, SIGTERM, SIGHUP] {
                // SIG_DFL is nil: any other disposition (ignored, or a handler of the program) is put back
                if let previous = signal(sig, Self.handler) { signal(sig, previous) }
            }
            Self.installed = true
        }
        let bytes = Array(path.utf8CString)
        guard bytes.count <= Self.slotSize,
              let free = (0..<Self.slotCount).first(where: { Self.slots[$0 * Self.slotSize] == 0 })
        else { slot = nil; return }
        let base = Self.slots + free * Self.slotSize
        for (i, b) in bytes.enumerated() { base[i] = b }
        slot = free
    }

    /// Forgets the file (it was renamed or removed).
    func release() {
        guard let slot else { return }
        Self.lock.lock()
        Self.slots[slot * Self.slotSize] = 0
        Self.lock.unlock()
    }

    /// Unlinks every registered file; what the signal handler does (async-signal-safe:
    /// no allocation, no lock, only `unlink(2)`).
    static func removeRegisteredFiles() {
        for i in 0..<slotCount {
            let p = slots + i * slotSize
            if p[0] != 0 { unlink(p) }
        }
    }

    private static let handler: @convention(c) (Int32) -> Void = { sig in
        TemporaryFileGuard.removeRegisteredFiles()
        signal(sig, SIG_DFL)
        raise(sig)
    }
}
