package org.configspec.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.configspec.core.json.MachineJson;

/**
 * Number formatting shared by every writer. Machine output (CSV, JSON) carries {@link MachineJson#SIGNIFICANT_DIGITS} significant digits in plain
 * notation, identical on every JDK; human output rounds to a few significant digits.
 */
public final class Num {
    private Num() {
    }

    /** 10 significant digits, plain notation, no trailing zeros; "" for NaN. */
    public static String machine(double v) {
        BigDecimal d = decimal(v);
        return d == null ? "" : d.toPlainString();
    }

    /** The machine value as a BigDecimal (for JSON), or null for NaN: {@link MachineJson#decimal}. */
    public static BigDecimal decimal(double v) {
        return MachineJson.decimal(v);
    }

    /** {@code sig} significant digits for people; "n/a" for NaN; thousands separated by ','. */
    public static String human(double v, int sig) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(sig, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        if (d.scale() <= 0) {
            return String.format(java.util.Locale.ROOT, "%,d", d.toBigInteger());
        }
        return d.toPlainString();
    }
}
