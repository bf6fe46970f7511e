package org.configspec.llm;

import org.configspec.core.error.OneLine;

/**
 * A failure of the inference runtime that a user can act on: a missing or wrong native library, an invalid model
 * file, an unsupported option. The message is one line saying what failed, where, which value, and what is allowed.
 */
public class LlmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LlmException(String message) {
        super(oneLine(message));
    }

    public LlmException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** Newlines a model file or llama.cpp put into the message become spaces: {@link OneLine}'s rule. */
    static String oneLine(String message) {
        return OneLine.of(message);
    }
}
