package org.configspec.profile.draft;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.json.MachineJson;

/**
 * Reads llama-bench results: {@code -o json} (an array of objects) or {@code -o jsonl} (one object per line), told
 * apart by the first non-blank character. Unknown fields are ignored (the schema is generated at run time and varies
 * by version); the fields of {@link LlamaBenchRow} are read when present, and {@code n_prompt}, {@code n_gen} and
 * {@code avg_ts} (or {@code samples_ts}) are required. Any problem is one {@link ConfigSpecException} line naming the
 * file, the line and the field. Stateless.
 */
public final class LlamaBenchReader {
    /**
     * Third-party format (llama-bench's output): read with {@link MachineJson#lenient()}, since RFC 8259 allows duplicate keys and
     * a writer we do not control may emit them; this reader checks the shape it needs itself.
     */
    private static final ObjectMapper JSON = MachineJson.lenient();
    private static final String EXPECTED = "expected the output of llama-bench -o json (an array of result objects) or"
            + " -o jsonl (one result object per line)";

    private LlamaBenchReader() { }

    public static List<LlamaBenchRow> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigSpecException("cannot read llama-bench output " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ConfigSpecException("cannot read llama-bench output " + file + " as UTF-8 text: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses llama-bench output held in memory; {@code source} names it in messages (a file, or a command line). */
    public static List<LlamaBenchRow> parse(String text, String source) {
        String t = text.stripLeading();
        if (t.isEmpty()) {
            throw new ConfigSpecException(source + ": empty file; " + EXPECTED);
        }
        List<LlamaBenchRow> rows = t.charAt(0) == '[' ? readArray(source, text) : readLines(source, text);
        if (rows.isEmpty()) {
            throw new ConfigSpecException(source + ": no llama-bench results in the file; " + EXPECTED);
        }
        return rows;
    }

    private static List<LlamaBenchRow> readArray(String file, String text) {
        List<LlamaBenchRow> rows = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new ConfigSpecException(file + ":1: " + EXPECTED);
            }
            int index = 0;
            for (JsonToken tok = p.nextToken(); tok != JsonToken.END_ARRAY; tok = p.nextToken()) {
                if (tok == null) {
                    throw new ConfigSpecException(file + ": the JSON array is not closed (truncated output?); " + EXPECTED);
                }
                int line = p.currentTokenLocation().getLineNr();
                index++;
                if (tok != JsonToken.START_OBJECT) {
                    throw new ConfigSpecException(file + ":" + line + ": result " + index + " is " + tok.asString()
                            + ", not an object; " + EXPECTED);
                }
                JsonNode node = p.readValueAsTree();
                rows.add(row(node, file + ":" + line + " (result " + index + ")"));
            }
            if (p.nextToken() != null) {
                throw new ConfigSpecException(file + ":" + p.currentTokenLocation().getLineNr()
                        + ": text after the end of the JSON array; " + EXPECTED);
            }
        } catch (JsonProcessingException e) {
            throw malformed(file, e);
        } catch (IOException e) {
            throw new ConfigSpecException("cannot read llama-bench output " + file + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static List<LlamaBenchRow> readLines(String file, String text) {
        List<LlamaBenchRow> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int lineNr = i + 1;
            if (line.charAt(0) != '{') {
                throw new ConfigSpecException(file + ":" + lineNr + ": line starts with '" + abbreviate(line)
                        + "', not a JSON object; " + EXPECTED);
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new ConfigSpecException(file + ":" + lineNr + ": malformed JSON line ("
                        + firstLine(e.getOriginalMessage()) + "); " + EXPECTED, e);
            }
            rows.add(row(node, file + ":" + lineNr));
        }
        return rows;
    }

    private static ConfigSpecException malformed(String file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null ? file : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
        return new ConfigSpecException(where + ": malformed JSON (" + firstLine(e.getOriginalMessage()) + "); "
                + EXPECTED, e);
    }

    /** Jackson's message, one line, without its source-location boilerplate. */
    static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        int nl = s.indexOf('\n');
        String l = (nl < 0 ? s : s.substring(0, nl)).trim();
        l = l.replaceAll("\\s*\\(start marker at \\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]\\)",
                " (opened at line $1, column $2)");
        return l.replaceAll("\\s*(at )?\\[Source: [^\\]]*\\]", "").trim();
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "...";
    }

    static LlamaBenchRow row(JsonNode o, String where) {
        if (!o.isObject()) {
            throw new ConfigSpecException(where + ": not a JSON object; " + EXPECTED);
        }
        int nPrompt = (int) integer(o, "n_prompt", where, true);
        int nGen = (int) integer(o, "n_gen", where, true);
        int nDepth = (int) integer(o, "n_depth", where, false);
        List<Double> samples = samples(o, where);
        double avg = number(o, "avg_ts", where, samples.isEmpty());
        double sd = o.has("stddev_ts") ? number(o, "stddev_ts", where, false) : Double.NaN;
        if (samples.isEmpty() && !(avg > 0)) {
            throw new ConfigSpecException(where + ": field 'avg_ts' = " + o.get("avg_ts")
                    + ": allowed a positive number of tokens/s");
        }
        if (nPrompt < 0 || nGen < 0 || nDepth < 0 || nPrompt + nGen == 0) {
            throw new ConfigSpecException(where + ": n_prompt = " + nPrompt + ", n_gen = " + nGen + ", n_depth = "
                    + nDepth + ": allowed non-negative token counts with n_prompt + n_gen > 0");
        }
        return new LlamaBenchRow(where, nPrompt, nGen, nDepth, avg, sd, samples, text(o, "model_filename"),
                text(o, "model_type"), integer(o, "model_size", where, false), integer(o, "model_n_params", where, false),
                (int) integer(o, "n_threads", where, false), text(o, "cpu_info").trim(), text(o, "build_commit"),
                integer(o, "build_number", where, false), text(o, "test_time"), text(o, "type_k"), text(o, "flash_attn"));
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText();
    }

    private static long integer(JsonNode o, String field, String where, boolean required) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new ConfigSpecException(where + ": field '" + field + "' is missing; " + EXPECTED);
            }
            return 0;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().trim());
            } catch (NumberFormatException e) {
                // fall through to the error
            }
        }
        throw new ConfigSpecException(where + ": field '" + field + "' = " + v + ": allowed an integer");
    }

    private static double number(JsonNode o, String field, String where, boolean required) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new ConfigSpecException(where + ": field '" + field + "' is missing (and no samples_ts); "
                        + EXPECTED);
            }
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                // fall through to the error
            }
        }
        throw new ConfigSpecException(where + ": field '" + field + "' = " + v + ": allowed a number");
    }

    private static List<Double> samples(JsonNode o, String where) {
        JsonNode v = o.get("samples_ts");
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new ConfigSpecException(where + ": field 'samples_ts' = " + abbreviate(v.toString())
                    + ": allowed an array of positive tokens/s");
        }
        List<Double> out = new ArrayList<>();
        for (JsonNode x : v) {
            if (!x.isNumber() || !(x.asDouble() > 0) || Double.isInfinite(x.asDouble())) {
                throw new ConfigSpecException(where + ": field 'samples_ts' holds " + x
                        + ": allowed an array of positive tokens/s");
            }
            out.add(x.asDouble());
        }
        return out;
    }
}
