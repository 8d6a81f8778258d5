// best N PROGRAM ARGS...: runs PROGRAM N times (stdout and stderr to /dev/null) and prints the best
// wall time from spawn to exit, in ms, with no polling. Fails if any run exits non-zero.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

let args = CommandLine.arguments
guard args.count >= 3, let n = Int(args[1]), n > 0 else {
    FileHandle.standardError.write(Data("usage: best N PROGRAM [ARGS...]\n".utf8))
    exit(2)
}
var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
posix_spawn_file_actions_init(&actions)
defer { posix_spawn_file_actions_destroy(&actions) }
posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
let cArgs = args.dropFirst(2).map { strdup($0) } + [nil]
defer { cArgs.forEach { free($0) } }
var best = Double.infinity
for _ in 0..<n {
    var pid: pid_t = 0
    let t0 = DispatchTime.now().uptimeNanoseconds
    let rc = cArgs.withUnsafeBufferPointer { posix_spawn(&pid, args[2], &actions, nil, UnsafeMutablePointer(mutating: $0.baseAddress!), environ) }
    guard rc == 0 else { FileHandle.standardError.write(Data("best: cannot run \(args[2]): \(String(cString: strerror(rc)))\n".utf8)); exit(1) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
    guard status == 0 else { FileHandle.standardError.write(Data("best: \(args[2]) exited with status \(status)\n".utf8)); exit(1) }
    best = min(best, ms)
}
print(String(format: "%.2f", best))
