package org.configspec.profile.dataset;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.configspec.core.error.ConfigSpecException;

/**
 * Turns a Dolly record into prompt text. Placeholders: {@code {instruction}} (required) and {@code {context}};
 * records without context use {@code withoutContext}. The default puts the context after the instruction, separated
 * by a blank line, and gives the bare instruction when there is no context.
 *
 * @param withContext    the pattern for records with a context
 * @param withoutContext the pattern for records without one (must not use {context})
 */
public record PromptTemplate(String withContext, String withoutContext) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_]+)}");
    public static final PromptTemplate DEFAULT = new PromptTemplate("{instruction}\n\n{context}", "{instruction}");

    public PromptTemplate {
        check("withContext", withContext, true);
        check("withoutContext", withoutContext, false);
    }

    /** One pattern for every record; for records without context, the lines holding "{context}" are left out. */
    public static PromptTemplate of(String pattern) {
        check("--template", pattern, true);
        String bare = pattern.replaceAll("(?m)^[^\n]*\\{context}[^\n]*(\n|$)", "").strip();
        return new PromptTemplate(pattern, bare.contains("{instruction}") ? bare : "{instruction}");
    }

    private static void check(String field, String pattern, boolean contextAllowed) {
        if (pattern == null || !pattern.contains("{instruction}")) {
            throw new ConfigSpecException("prompt template " + field + " must contain {instruction}, got "
                    + (pattern == null ? "nothing" : "'" + pattern + "'"));
        }
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            String name = m.group(1);
            if (!name.equals("instruction") && !(contextAllowed && name.equals("context"))) {
                throw new ConfigSpecException("prompt template " + field + ": unknown placeholder {" + name + "}; allowed: {instruction}"
                        + (contextAllowed ? ", {context}" : ""));
            }
        }
    }

    public String render(String instruction, String context) {
        boolean hasContext = context != null && !context.isBlank();
        String pattern = hasContext ? withContext : withoutContext;
        // Literal replacement: instruction text may itself contain "{context}" or "$".
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(pattern);
        int last = 0;
        while (m.find()) {
            out.append(pattern, last, m.start());
            out.append(m.group(1).equals("instruction") ? instruction.strip() : context.strip());
            last = m.end();
        }
        out.append(pattern.substring(last));
        return out.toString();
    }
}
