package org.configspec.serve.verifier;

/**
 * The target's rows of one verify: row i is the target's next-token scores after the committed tokens and the first
 * i drafted ones (rows 0..K). Valid until the backend's next call.
 */
public interface TargetRows {
    /** The target's most likely token at row i (first on ties). */
    int argmax(int i);

    /**
     * Row i as logits over the whole vocabulary (a copy). A backend that knows only part of the row (a serving
     * engine's top-N listing) gives -Infinity for the tokens it does not know.
     */
    float[] logits(int i);
}
