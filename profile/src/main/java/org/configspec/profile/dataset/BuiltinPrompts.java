package org.configspec.profile.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;

/**
 * Prompt sets shipped with ConfigSpec. {@code tinystories}: 40 short story openings in the simple vocabulary of the
 * TinyStories corpus, for the default stories15M model family (a TinyStories model continues them; Dolly's
 * questions are outside what it learned).
 */
public record BuiltinPrompts(String name) implements PromptSource {
    public static final String TINYSTORIES = "tinystories";
    private static final String RESOURCE = "/prompts/tinystories-openings.txt";

    public BuiltinPrompts {
        if (!TINYSTORIES.equals(name)) {
            throw new ConfigSpecException("built-in prompt set '" + name + "' does not exist; allowed: " + TINYSTORIES);
        }
    }

    public static BuiltinPrompts tinyStories() {
        return new BuiltinPrompts(TINYSTORIES);
    }

    @Override
    public List<Prompt> prompts() {
        try (InputStream in = BuiltinPrompts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in prompt set " + RESOURCE + " is missing from the build");
            }
            return TextPromptFile.parse(in, TINYSTORIES, "built-in prompts " + TINYSTORIES, "built-in:" + TINYSTORIES);
        } catch (IOException e) {
            throw new IllegalStateException("built-in prompt set " + RESOURCE + " unreadable", e);
        }
    }

    @Override
    public String describe() {
        return "built-in prompt set " + name;
    }
}
