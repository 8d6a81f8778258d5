import ArgumentParser
import Graph

/// `--since` and `--until`: keep only evidence from articles dated in the range (neighbors, path, show,
/// entities, timeline, render, view, export).
struct DateRangeOptions: ParsableArguments {
    @Option(help: "Keep only evidence from articles dated on or after this day (YYYY-MM-DD, YYYY-MM or YYYY).")
    var since: String?

    @Option(help: "Keep only evidence from articles dated on or before this day (YYYY-MM-DD, YYYY-MM or YYYY; a month or year runs to its end).")
    var until: String?

    func validate() throws {
        do { _ = try range() } catch let e as DateRange.Error { throw ValidationError(e.errorDescription ?? "\(e)") }
    }

    /// The range, nil when neither option is given.
    func range() throws -> DateRange? {
        since == nil && until == nil ? nil : try DateRange(since: since, until: until)
    }

    /// The store with its queries restricted to the range.
    func apply(_ store: GraphStore) throws -> GraphStore {
        store.within(try range())
    }
}
