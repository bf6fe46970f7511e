package org.configspec.llm;

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

    /**
     * Newlines a model file or llama.cpp put into the message (a tensor name, a metadata key) become spaces, other
     * control characters {@code \}{@code uXXXX}, and an overlong message keeps its start and end; the same rule as
     * core's org.configspec.core.error.OneLine (this module does not depend on core).
     */
    static String oneLine(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(message.length());
        message.chars().forEach(c -> b.append(c == '\n' || c == '\r' || c == '\t' ? " "
                : Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? String.format("\\u%04x", c)
                : String.valueOf((char) c)));
        return b.length() <= 2000 ? b.toString() : b.substring(0, 1000) + " ... " + b.substring(b.length() - 900);
    }
}
