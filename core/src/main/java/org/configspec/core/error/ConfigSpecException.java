package org.configspec.core.error;

/**
 * A user error: bad input, an unknown name, a malformed catalog. Its message is one line that names what was
 * wrong, where (file, field or flag), the bad value and what is allowed; {@link OneLine} keeps it one line whatever
 * the input it quotes. The CLI prints it and exits with code 2.
 */
public class ConfigSpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigSpecException(String message) {
        super(OneLine.of(message));
    }

    public ConfigSpecException(String message, Throwable cause) {
        super(OneLine.of(message), cause);
    }
}
