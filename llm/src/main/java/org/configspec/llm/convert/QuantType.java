package org.configspec.llm.convert;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.configspec.llm.LlmException;

/** Target file types for {@link Quantizer}, with their {@code llama_ftype} ids. */
public enum QuantType {
    F16(1), Q8_0(7), Q4_0(2), Q4_K_M(15), Q6_K(18);

    public final int ftype;

    QuantType(int ftype) {
        this.ftype = ftype;
    }

    /** Case-insensitive parse; a one-line error lists the allowed values. */
    public static QuantType parse(String s) {
        for (QuantType q : values()) {
            if (q.name().equalsIgnoreCase(s.trim())) {
                return q;
            }
        }
        throw new LlmException("unknown quantisation type '" + s + "': allowed " + allowed());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** Lower-case name for file names, e.g. {@code q8_0}. */
    public String fileTag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
