extension Document {
    /// How a line of evidence names its article: "outlet, date" with what of them is known,
    /// else the document's id.
    public var shortCitation: String {
        let known = [outlet, date].compactMap { $0 }.filter { !$0.isEmpty }
        return known.isEmpty ? id : known.joined(separator: ", ")
    }
}
