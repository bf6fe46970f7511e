package org.configspec.core.error;

/**
 * Makes an error message one printable line however much of the input it quotes: newlines and tabs become spaces,
 * other control characters (escapes, NUL) and line separators {@code \}{@code uXXXX}, and a message longer than
 * {@value #MAX} characters keeps its start (what and where) and its end (what is allowed) around an elision.
 */
public final class OneLine {
    public static final int MAX = 2000;

    private OneLine() {
    }

    public static String of(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && b == null) {
                b = new StringBuilder(message.length() + 16).append(message, 0, i);
            }
            if (control) {
                b.append(c == '\n' || c == '\r' || c == '\t' ? " " : String.format("\\u%04x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        String s = b == null ? message : b.toString();
        return s.length() <= MAX ? s : s.substring(0, MAX / 2) + " ... " + s.substring(s.length() - MAX / 2 + 100);
    }
}
