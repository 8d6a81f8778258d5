import Foundation

// Prints one line through Foundation (FileHandle, Data): the runtime's start-up plus Foundation's, which
// GRDB and kg link.
FileHandle.standardOutput.write(Data("hello \(ProcessInfo.processInfo.processIdentifier)\n".utf8))
