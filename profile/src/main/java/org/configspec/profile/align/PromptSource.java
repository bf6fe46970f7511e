package org.configspec.profile.align;

import java.nio.file.Path;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.profile.dataset.DollyFile;
import org.configspec.profile.dataset.DollyPrompts;

/**
 * Prompts to profile, with a description of where they come from: any source of the dataset package (prompt files,
 * Dolly 15k, the built-in TinyStories openings) or prompts given inline. {@link #named} is the one place that
 * decides what a {@code --prompts} value means.
 *
 * @param prompts     the prompts, in order
 * @param description where they come from (recorded in the provenance)
 */
public record PromptSource(List<String> prompts, String description) {
    public static final String BUILTIN = "built-in TinyStories-style openings";
    /** The {@code --prompts} name of the built-in TinyStories openings. */
    public static final String BUILTIN_NAME = "builtin";

    public PromptSource {
        prompts = List.copyOf(prompts);
        if (prompts.isEmpty()) {
            throw new ConfigSpecException("prompts from " + description + ": none found; allowed: at least one "
                    + "non-blank line");
        }
    }

    /**
     * What a {@code --prompts} value names: {@value #BUILTIN_NAME} (the TinyStories openings), {@value DollyFile#NAME}
     * (a seeded sample of n Dolly 15k records: from {@code dollyCopy} when given, else from the copy built into
     * ConfigSpec), or else a prompt file.
     *
     * @param spec      the {@code --prompts} value
     * @param dollyCopy a user's own Dolly 15k file, or null for the built-in copy; only with {@value DollyFile#NAME}
     * @param n         how many Dolly records to sample
     * @param seed      the sampling seed
     */
    public static PromptSource named(String spec, Path dollyCopy, int n, long seed) {
        if (DollyFile.NAME.equals(spec)) {
            return of(DollyPrompts.sample(dollyCopy == null ? DollyFile.builtin() : DollyFile.of(dollyCopy), n, seed));
        }
        if (dollyCopy != null) {
            throw new ConfigSpecException("a Dolly file (" + dollyCopy + ") was given with --prompts " + spec
                    + "; allowed: a Dolly file only with --prompts " + DollyFile.NAME);
        }
        return BUILTIN_NAME.equals(spec) ? builtin() : file(Path.of(spec));
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
