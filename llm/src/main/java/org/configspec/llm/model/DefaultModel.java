package org.configspec.llm.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.configspec.llm.convert.QuantType;

/**
 * The embedded default family, built from the TinyStories stories15M llama2.c checkpoint: the F32 target and drafts
 * quantised by llama.cpp or truncated to their first N transformer blocks. Each has a name usable wherever a model is
 * expected, and a recipe (what it is made from).
 */
public enum DefaultModel {
    STORIES15M_F32("stories15M-f32", null, null, 0, "target: llama2.c checkpoint converted to GGUF, F32"),
    STORIES15M_F16("stories15M-f16", STORIES15M_F32, QuantType.F16, 0, "draft: F16"),
    STORIES15M_Q8_0("stories15M-q8_0", STORIES15M_F32, QuantType.Q8_0, 0, "draft: Q8_0"),
    STORIES15M_Q4_0("stories15M-q4_0", STORIES15M_F32, QuantType.Q4_0, 0, "draft: Q4_0"),
    STORIES15M_Q8_0_L5("stories15M-q8_0-l5", STORIES15M_Q8_0, null, 5, "draft: Q8_0, first 5 of 6 blocks"),
    STORIES15M_Q8_0_L4("stories15M-q8_0-l4", STORIES15M_Q8_0, null, 4, "draft: Q8_0, first 4 of 6 blocks");

    public final String modelName;
    /** What it is derived from (null for the converted target). */
    public final DefaultModel source;
    /** Quantisation applied to {@link #source}, or null. */
    public final QuantType quant;
    /** Blocks kept from {@link #source} (0 = not truncated). */
    public final int layers;
    public final String description;

    DefaultModel(String modelName, DefaultModel source, QuantType quant, int layers, String description) {
        this.modelName = modelName;
        this.source = source;
        this.quant = quant;
        this.layers = layers;
        this.description = description;
    }

    public String fileName() {
        return modelName + ".gguf";
    }

    public static Optional<DefaultModel> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.modelName.equalsIgnoreCase(name)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(m -> m.modelName).collect(Collectors.joining(", "));
    }
}
