package org.configspec.profile.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.configspec.core.error.ConfigSpecException;

/**
 * A JSON Lines prompt file: one object per line with the text in "prompt" or "text" (exactly one of them), and
 * optionally "id" and "category". Blank lines are skipped. Without "id", the id is NAME-LINE.
 *
 * @param file the file
 */
public record JsonlPromptFile(Path file) implements PromptSource {
    public JsonlPromptFile {
        if (file == null) {
            throw new ConfigSpecException("prompt file: no file given");
        }
    }

    @Override
    public List<Prompt> prompts() {
        String where = "prompt file " + file;
        String prefix = TextPromptFile.idPrefix(file);
        List<Prompt> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Lines.Line line : Lines.read(file, "prompt file")) {
            if (line.text().isBlank()) {
                continue;
            }
            JsonNode n = Lines.json(line, where);
            boolean hasPrompt = n.hasNonNull("prompt");
            if (hasPrompt == n.hasNonNull("text")) {
                throw new ConfigSpecException(where + " line " + line.number() + ": needs exactly one of \"prompt\" or \"text\", got "
                        + (hasPrompt ? "both" : "neither"));
            }
            String field = hasPrompt ? "prompt" : "text";
            String text = string(n, field, line, where);
            String id = n.hasNonNull("id") ? string(n, "id", line, where) : prefix + "-" + line.number();
            if (!ids.add(id)) {
                throw new ConfigSpecException(where + " line " + line.number() + ": duplicate id \"" + id + "\"");
            }
            String category = n.hasNonNull("category") ? string(n, "category", line, where) : "";
            try {
                out.add(new Prompt(id, text, category, file.toString()));
            } catch (ConfigSpecException e) {
                throw new ConfigSpecException(where + " line " + line.number() + ": " + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw new ConfigSpecException(where + ": no prompts; expected lines like {\"prompt\": \"...\"}");
        }
        return List.copyOf(out);
    }

    private static String string(JsonNode n, String field, Lines.Line line, String where) {
        JsonNode v = n.get(field);
        if (!v.isTextual()) {
            throw new ConfigSpecException(where + " line " + line.number() + ": field \"" + field + "\" must be a string, got " + v);
        }
        return v.asText();
    }

    @Override
    public String describe() {
        return "prompt file " + file.getFileName() + " (JSON Lines)";
    }
}
