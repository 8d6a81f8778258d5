import ArgumentParser
import Graph

/// The ends of a relation named on the command line: `HEAD FAMILY TAIL [--document D]` (reject, accept).
struct RelationArguments: ParsableArguments {
    @Argument(help: "The relation's head: an entity name or alias.")
    var head: String

    @Argument(help: "The relation family (leads, member_of, says, ...).")
    var family: RelationFamily

    @Argument(help: "The relation's tail: an entity name or alias.")
    var tail: String

    @Option(help: "Only the evidence from this document (its id, the file name).")
    var document: String?
}
