package org.configspec.sim;

import java.util.Locale;

/** Number formatting for descriptions. */
final class Text {
    private Text() {
    }

    static String ms(double seconds) {
        return num(seconds * 1e3) + " ms";
    }

    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "");
            s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return s;
    }
}
