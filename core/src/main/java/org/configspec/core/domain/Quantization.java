package org.configspec.core.domain;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Bits per weight of llama.cpp's common GGUF weight types, used to estimate a model's size when its file size is unknown. */
public final class Quantization {
    private static final Map<String, Double> BITS_PER_WEIGHT = Map.ofEntries(
            Map.entry("F32", 32.0), Map.entry("F16", 16.0), Map.entry("BF16", 16.0),
            Map.entry("Q8_0", 8.5), Map.entry("Q6_K", 6.5625), Map.entry("Q5_K_M", 5.69), Map.entry("Q5_K_S", 5.54),
            Map.entry("Q5_0", 5.5), Map.entry("Q4_K_M", 4.89), Map.entry("Q4_K_S", 4.58), Map.entry("Q4_0", 4.5),
            Map.entry("Q3_K_M", 3.91), Map.entry("Q2_K", 3.35));

    private Quantization() {
    }

    public static OptionalDouble bitsPerWeight(String quant) {
        Double bits = BITS_PER_WEIGHT.get(quant.toUpperCase(Locale.ROOT));
        return bits == null ? OptionalDouble.empty() : OptionalDouble.of(bits);
    }
}
