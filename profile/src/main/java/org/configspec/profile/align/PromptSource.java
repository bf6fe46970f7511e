package org.configspec.profile.align;

import java.nio.file.Path;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;

/**
 * Prompts to profile, with a description of where they come from: any source of the dataset package (prompt files,
 * Dolly 15k, the built-in TinyStories openings) or prompts given inline.
 *
 * @param prompts     the prompts, in order
 * @param description where they come from (recorded in the provenance)
 */
public record PromptSource(List<String> prompts, String description) {
    public static final String BUILTIN = "built-in TinyStories-style openings";

    public PromptSource {
        prompts = List.copyOf(prompts);
        if (prompts.isEmpty()) {
            throw new ConfigSpecException("prompts from " + description + ": none found; allowed: at least one "
                    + "non-blank line");
        }
    }

    /** A prompt file of the dataset package: JSON Lines when it ends in .jsonl, else one prompt per line. */
    public static PromptSource file(Path file) {
        org.configspec.profile.dataset.PromptSource source = file.toString().endsWith(".jsonl")
                ? new org.configspec.profile.dataset.JsonlPromptFile(file)
                : new org.configspec.profile.dataset.TextPromptFile(file);
        return of(source);
    }

    public static PromptSource inline(List<String> prompts) {
        return new PromptSource(prompts.stream().filter(s -> !s.isBlank()).toList(), "--prompt (" + prompts.size()
                + " given)");
    }

    /** The dataset package's built-in TinyStories openings. */
    public static PromptSource builtin() {
        return new PromptSource(texts(org.configspec.profile.dataset.BuiltinPrompts.tinyStories()), BUILTIN);
    }

    /** Any prompt source of the dataset package (Dolly 15k, prompt files, built-in sets). */
    public static PromptSource of(org.configspec.profile.dataset.PromptSource source) {
        return new PromptSource(texts(source), source.describe());
    }

    private static List<String> texts(org.configspec.profile.dataset.PromptSource source) {
        return source.prompts().stream().map(org.configspec.profile.dataset.Prompt::text).toList();
    }
}
