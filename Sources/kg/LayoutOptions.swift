import ArgumentParser
import Graph

/// How a diagram is laid out: options shared by `render` and `view`.
struct LayoutOptions: ParsableArguments {
    @Option(help: "Graphviz layout engine: dot, neato, fdp, sfdp, circo or twopi.")
    var layout: String = "dot"

    @Option(parsing: .unconditional, help: "Seconds the layout may take before it is stopped.")
    var timeLimit: Double = GraphvizRenderer.defaultTimeLimit

    func validate() throws {
        if !(timeLimit > 0) { throw ValidationError("'--time-limit' must be more than 0 seconds") }
    }

    var renderer: GraphvizRenderer { GraphvizRenderer(timeLimit: timeLimit) }
}
