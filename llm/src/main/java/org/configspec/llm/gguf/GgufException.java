package org.configspec.llm.gguf;

import org.configspec.llm.LlmException;

/** A file that is not a valid GGUF (or not one llama.cpp can load); the message names the file and the defect. */
public class GgufException extends LlmException {
    private static final long serialVersionUID = 1L;

    public GgufException(String message) {
        super(message);
    }

    public GgufException(String message, Throwable cause) {
        super(message, cause);
    }
}
