package org.configspec.core.domain;

import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;

/**
 * One draft-model variant: a model (name, family, size) in one quantisation.
 *
 * @param name       model name as in the authors' data ("Qwen3-0.6B", "Llama-3.2-1B-Instruct")
 * @param family     model family ("Qwen3", "Llama-3.2")
 * @param paramsB    parameters in billions
 * @param variant    "base" or "instruct" (free text)
 * @param quant      GGUF quantisation ("Q4_K_M", "Q8_0", "Q6_K", "F16", ...)
 * @param fileBytes  GGUF file size in bytes, or 0 where unknown (then estimated from the parameters and quantisation)
 * @param hfId       the full-precision model's Hugging Face id, or ""
 */
public record DraftModel(String name, String family, double paramsB, String variant, String quant, long fileBytes,
                         String hfId) {
    public DraftModel {
        Check.name("draft.name", name);
        Check.name("draft '" + name + "': quant", quant);
        Check.positive("draft '" + name + "': paramsB", paramsB);
        family = family == null ? "" : family;
        variant = variant == null ? "" : variant;
        hfId = hfId == null ? "" : hfId;
        if (fileBytes < 0) {
            throw new ConfigSpecException("draft '" + name + "': fileBytes must be >= 0, got " + fileBytes);
        }
    }

    /** The variant's identity: name and quantisation. */
    public String id() {
        return name + " " + quant;
    }

    /** File size in bytes: the known file size, or parameters × bits per weight / 8 (an estimate). */
    public long sizeBytes() {
        if (fileBytes > 0) {
            return fileBytes;
        }
        double bits = Quantization.bitsPerWeight(quant).orElse(16.0);
        return Math.round(paramsB * 1e9 * bits / 8.0);
    }

    public boolean sizeIsEstimate() {
        return fileBytes == 0;
    }
}
