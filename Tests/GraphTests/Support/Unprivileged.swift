import Foundation

/// Runs `kg` as an unprivileged user, so that file modes apply: the suite often runs as root, for
/// whom a 0444 file or a 0555 folder is writable all the same.
///
/// As root, kg runs as `nobody` (uid and gid 65534, no supplementary groups) through `setpriv` from
/// util-linux; as any other user, kg runs as that user. Tests skip only when neither is possible
/// (no `setpriv`, or `nobody` cannot reach the kg binary, e.g. a checkout under a 0700 home folder):
/// ``unavailable`` says why.
enum Unprivileged {
    static let uid: uid_t = 65534
    static let setpriv = "/usr/bin/setpriv"
    static var isRoot: Bool { getuid() == 0 }

    /// Why kg cannot run unprivileged here, or nil when it can.
    static let unavailable: String? = {
        guard KGProcess.available else { return "the kg binary is not built" }
        guard isRoot else { return nil }
        guard FileManager.default.isExecutableFile(atPath: setpriv) else { return "\(setpriv) (util-linux) is not installed" }
        guard let r = try? run(["--version"]), r.status == 0 else {
            return "user nobody cannot run \(KGProcess.binary.path) (a folder on its way is closed to others)"
        }
        return nil
    }()

    /// Runs `kg arguments` unprivileged (see the type's documentation).
    static func run(_ arguments: [String], stdoutPath: String? = nil, in folder: URL? = nil) throws -> KGProcess.Result {
        guard isRoot else { return try KGProcess.run(arguments, stdoutPath: stdoutPath, in: folder) }
        return try KGProcess.run(arguments, stdoutPath: stdoutPath, in: folder,
                                 via: [setpriv, "--reuid=\(uid)", "--regid=\(uid)", "--clear-groups"])
    }

    /// A fresh temporary folder the unprivileged user owns (mode 0755), removed by the caller.
    static func temporaryFolder() -> URL {
        let url = Paths.temporaryFolder()
        chmod(url.path, 0o755)
        if isRoot { chown(url.path, uid, uid) }
        return url
    }

    /// Gives `url` (a file or folder made by the suite) to the unprivileged user.
    static func give(_ url: URL) {
        if isRoot { chown(url.path, uid, uid) }
    }
}
