package org.configspec.profile.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;

/**
 * A plain-text prompt file: one prompt per line (UTF-8). Blank lines and lines starting with '#' are skipped;
 * "\n" in a line stands for a line break and "\\" for a backslash, so multi-line prompts fit on one line. Prompt
 * ids are NAME-LINE (the file name without extension, the 1-based line number).
 *
 * @param file the file
 */
public record TextPromptFile(Path file) implements PromptSource {
    public TextPromptFile {
        if (file == null) {
            throw new ConfigSpecException("prompt file: no file given");
        }
    }

    @Override
    public List<Prompt> prompts() {
        return parse(Lines.read(file, "prompt file"), idPrefix(file), "prompt file " + file, file.toString());
    }

    @Override
    public String describe() {
        return "prompt file " + file.getFileName() + " (one per line)";
    }

    static String idPrefix(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static List<Prompt> parse(InputStream in, String prefix, String where, String source) throws IOException {
        return parse(Lines.read(in, where), prefix, where, source);
    }

    static List<Prompt> parse(List<Lines.Line> lines, String prefix, String where, String source) {
        List<Prompt> out = new ArrayList<>();
        for (Lines.Line line : lines) {
            String s = line.text().strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            out.add(new Prompt(prefix + "-" + line.number(), unescape(s, line, where), "", source));
        }
        if (out.isEmpty()) {
            throw new ConfigSpecException(where + ": no prompts; expected one prompt per line ('#' starts a comment)");
        }
        return List.copyOf(out);
    }

    private static String unescape(String s, Lines.Line line, String where) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            if (next == 'n') {
                b.append('\n');
            } else if (next == '\\') {
                b.append('\\');
            } else {
                throw new ConfigSpecException(where + " line " + line.number() + ": unknown escape '\\" + (next == ' ' ? "" : next)
                        + "' at column " + (i + 1) + "; allowed: \\n (line break), \\\\ (backslash)");
            }
            i++;
        }
        return b.toString();
    }
}
