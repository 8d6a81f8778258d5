/// Turns text into tokens, sentences, tags, lemmas, dependency arcs and named entities.
///
/// Extraction reads annotations and never asks where they came from: the spaCy worker
/// (``SpacyAnnotator``) is one implementation; a native port of the same model can replace
/// it and be checked against it token by token.
public protocol Annotator: Sendable {
    /// Annotates each text on its own, in order: one ``AnnotatedText`` per input.
    /// - Throws: ``AnnotationError`` when the annotator cannot run.
    func annotate(_ texts: [String]) throws -> [AnnotatedText]
}
