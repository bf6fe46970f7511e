package org.configspec.profile.align;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;

/**
 * Prompts to profile, with a description of where they come from: a text file with one prompt per line (blank lines
 * and lines starting with '#' skipped), prompts given inline, or the built-in TinyStories-style openings.
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

    public static PromptSource file(Path file) {
        try {
            return new PromptSource(lines(Files.readString(file, StandardCharsets.UTF_8)), "file " + file);
        } catch (IOException e) {
            throw new ConfigSpecException("--prompts " + file + ": cannot read (" + e.getMessage()
                    + "); allowed: a UTF-8 text file with one prompt per line");
        }
    }

    public static PromptSource inline(List<String> prompts) {
        return new PromptSource(prompts.stream().filter(s -> !s.isBlank()).toList(), "--prompt (" + prompts.size()
                + " given)");
    }

    public static PromptSource builtin() {
        try (InputStream in = PromptSource.class.getResourceAsStream("builtin-prompts.txt")) {
            return new PromptSource(lines(new String(in.readAllBytes(), StandardCharsets.UTF_8)), BUILTIN);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing resource builtin-prompts.txt", e);
        }
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\r?\n")).map(String::strip)
                .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    }
}
