import Foundation

/// Headless Chromium for the viewer's browser tests: found on PATH (`chromium`, as Debian names
/// it, or `chromium-browser`, `google-chrome`) or at `KG_CHROMIUM`.
enum Chromium {
    static let executable: String? = {
        if let p = ProcessInfo.processInfo.environment["KG_CHROMIUM"], FileManager.default.isExecutableFile(atPath: p) { return p }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let p = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: p) { return p }
            }
        }
        return nil
    }()

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs headless Chromium on `url` with `arguments`, stopped after `timeout` seconds; its stdout.
    static func run(_ arguments: [String], url: URL, in folder: URL, timeout: Double = 90) throws -> String {
        guard let executable else { throw Failure(description: "chromium is not installed") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        // root in CI: no sandbox; no GPU, no /dev/shm, a private profile, no first-run work
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                       "--disable-extensions", "--hide-scrollbars", "--user-data-dir=\(folder.appendingPathComponent("profile").path)"]
            + arguments + [url.absoluteString]
        let outURL = folder.appendingPathComponent("stdout-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        defer { try? out.close() }
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in done.signal() }
        try p.run()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            p.terminate()
            if done.wait(timeout: .now() + 5) == .timedOut { kill(p.processIdentifier, SIGKILL); done.wait() }
            throw Failure(description: "chromium did not finish within \(timeout) s")
        }
        return String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
    }
}

/// What a PNG shows, counted by a small stdlib-only Python decoder (8-bit RGB/RGBA, all filters).
struct PixelCensus: Decodable {
    var width: Int, height: Int
    /// Pixels that are not pure white.
    var nonWhite: Int
    /// Distinct colours.
    var colors: Int
    /// How many pixels have each colour asked for (as "#rrggbb").
    var counts: [String: Int]

    static func of(_ png: URL, python: String, colors asked: [String]) throws -> PixelCensus {
        let script = #"""
        import sys, zlib, struct, json
        d = open(sys.argv[1], 'rb').read()
        assert d[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
        pos, idat = 8, b''
        while pos < len(d):
            n, = struct.unpack('>I', d[pos:pos + 4]); t = d[pos + 4:pos + 8]; body = d[pos + 8:pos + 8 + n]; pos += 12 + n
            if t == b'IHDR': w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
            elif t == b'IDAT': idat += body
        assert depth == 8 and ctype in (2, 6), 'unsupported PNG'
        bpp = 3 if ctype == 2 else 4
        raw, stride = zlib.decompress(idat), w * bpp
        asked = {bytes.fromhex(c[1:]): c for c in sys.argv[2:]}
        counts = {c: 0 for c in sys.argv[2:]}
        prev, i, nonwhite, colors = bytearray(stride), 0, 0, set()
        for y in range(h):
            f = raw[i]; i += 1
            line = bytearray(raw[i:i + stride]); i += stride
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
                if f == 1: line[x] = (line[x] + a) & 255
                elif f == 2: line[x] = (line[x] + b) & 255
                elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
                elif f == 4:
                    p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            for x in range(0, stride, bpp):
                px = bytes(line[x:x + 3])
                if px != b'\xff\xff\xff': nonwhite += 1
                colors.add(px)
                if px in asked: counts[asked[px]] += 1
            prev = line
        print(json.dumps({'width': w, 'height': h, 'nonWhite': nonwhite, 'colors': len(colors), 'counts': counts}))
        """#
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", script, png.path] + asked
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw Chromium.Failure(description: "could not decode \(png.path)") }
        return try JSONDecoder().decode(PixelCensus.self, from: data)
    }
}
