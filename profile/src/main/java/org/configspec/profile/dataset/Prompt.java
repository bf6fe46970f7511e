package org.configspec.profile.dataset;

import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;

/**
 * One prompt to profile with.
 *
 * @param id       stable within its source ("dolly-1234" is line 1234 of the Dolly file)
 * @param text     the prompt text as given to the model (non-blank)
 * @param category the source's category ("open_qa", ...), or ""
 * @param source   where it comes from (file or built-in set)
 */
public record Prompt(String id, String text, String category, String source) {
    public Prompt {
        Check.name("prompt.id", id);
        if (text == null || text.isBlank()) {
            throw new ConfigSpecException("prompt " + id + (source == null ? "" : " (" + source + ")") + ": text is empty; a prompt needs text");
        }
        category = category == null ? "" : category;
        source = source == null ? "" : source;
    }
}
