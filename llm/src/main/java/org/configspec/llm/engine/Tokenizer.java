package org.configspec.llm.engine;

import java.nio.charset.StandardCharsets;

/** A model's tokenizer. Implementations are thread-safe. Text is exchanged as UTF-8 bytes to stay exact. */
public interface Tokenizer {
    int vocabSize();

    int bos();

    int eos();

    /** Token ids of UTF-8 text; {@code addBos} prepends the model's BOS when the model asks for it. */
    int[] tokenize(byte[] utf8, boolean addBos);

    default int[] tokenize(String text, boolean addBos) {
        return tokenize(text.getBytes(StandardCharsets.UTF_8), addBos);
    }

    /** The UTF-8 bytes of one token's text (may be part of a multi-byte character). */
    byte[] piece(int token);

    /** Concatenated pieces. */
    default byte[] detokenize(int[] tokens) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int t : tokens) {
            byte[] p = piece(t);
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    default String detokenizeToString(int[] tokens) {
        return new String(detokenize(tokens), StandardCharsets.UTF_8);
    }
}
