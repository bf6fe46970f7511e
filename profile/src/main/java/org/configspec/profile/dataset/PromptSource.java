package org.configspec.profile.dataset;

import java.util.List;

/**
 * Where prompts come from: the Dolly dataset, a prompt file, a built-in set. Reading is the I/O seam; errors are
 * {@link org.configspec.core.error.ConfigSpecException}s naming the file and line.
 */
public interface PromptSource {
    /** The prompts, in a deterministic order. */
    List<Prompt> prompts();

    /** What this source is, for provenance ("dolly databricks-dolly-15k.dedup.jsonl, closed_qa, 40 of 1769, seed 42"). */
    String describe();
}
