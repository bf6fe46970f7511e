package org.configspec.profile.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.configspec.core.error.ConfigSpecException;

/**
 * Prompts from Databricks Dolly 15k in JSON Lines (fields instruction, context, response, category), the dataset
 * the paper profiled acceptance on: the copy built into ConfigSpec or a user's own file ({@link DollyFile}).
 * Optionally only some categories, and a seeded sample of n prompts without replacement (deterministic for a seed,
 * see {@link Sampling}). Prompt ids are "dolly-LINE" (1-based line in the file), so they stay stable whatever the
 * filter or sample.
 *
 * @param file       where the records come from
 * @param categories categories to keep; empty keeps all
 * @param sample     how many to sample; 0 takes every (matching) record in file order
 * @param seed       the sampling seed
 * @param template   how instruction and context become prompt text
 */
public record DollyPrompts(DollyFile file, Set<String> categories, int sample, long seed, PromptTemplate template)
        implements PromptSource {
    public static final Set<String> CATEGORIES = Set.of("open_qa", "general_qa", "classification", "closed_qa",
            "brainstorming", "information_extraction", "summarization", "creative_writing");

    public DollyPrompts {
        if (file == null) {
            throw new ConfigSpecException("dolly: no file given; expected the built-in copy or a databricks-dolly-15k .jsonl file");
        }
        categories = Set.copyOf(categories == null ? Set.of() : categories);
        for (String c : categories) {
            if (!CATEGORIES.contains(c)) {
                throw new ConfigSpecException("dolly --category '" + c + "' is not a Dolly category; allowed: "
                        + String.join(", ", new TreeSet<>(CATEGORIES)));
            }
        }
        if (sample < 0) {
            throw new ConfigSpecException("dolly --sample must be >= 0 (0 = all), got " + sample);
        }
        template = template == null ? PromptTemplate.DEFAULT : template;
    }

    /** Every record of a file, in file order. */
    public static DollyPrompts all(DollyFile file) {
        return new DollyPrompts(file, Set.of(), 0, 0, PromptTemplate.DEFAULT);
    }

    /** A seeded sample of n records of any category, with the default template. */
    public static DollyPrompts sample(DollyFile file, int n, long seed) {
        return new DollyPrompts(file, Set.of(), n, seed, PromptTemplate.DEFAULT);
    }

    @Override
    public List<Prompt> prompts() {
        String where = "dolly " + file.source();
        List<Prompt> matching = new ArrayList<>();
        TreeMap<String, Integer> seen = new TreeMap<>();
        for (Lines.Line line : lines(where)) {
            if (line.text().isBlank()) {
                continue;
            }
            JsonNode n = Lines.json(line, where);
            String instruction = text(n, "instruction", line, where, true);
            String context = text(n, "context", line, where, false);
            String category = text(n, "category", line, where, false);
            seen.merge(category, 1, Integer::sum);
            if (categories.isEmpty() || categories.contains(category)) {
                matching.add(new Prompt("dolly-" + line.number(), template.render(instruction, context), category, file.source()));
            }
        }
        if (matching.isEmpty()) {
            throw new ConfigSpecException(where + ": no records" + (categories.isEmpty() ? "" : " in categories "
                    + new TreeSet<>(categories) + "; the file has " + seen));
        }
        return sample == 0 ? List.copyOf(matching) : Sampling.sample(matching, sample, seed, where + " " + describeFilter());
    }

    private List<Lines.Line> lines(String where) {
        if (file instanceof DollyFile.OnDisk disk) {
            return Lines.read(disk.path(), "dolly");
        }
        return Lines.readGzipResource(DollyFile.BuiltIn.RESOURCE, where);
    }

    private static String text(JsonNode n, String field, Lines.Line line, String where, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new ConfigSpecException(where + " line " + line.number() + ": field \"" + field + "\" is missing");
            }
            return "";
        }
        if (!v.isTextual() || (required && v.asText().isBlank())) {
            throw new ConfigSpecException(where + " line " + line.number() + ": field \"" + field + "\" must be a "
                    + (required ? "non-empty " : "") + "string, got " + v);
        }
        return v.asText();
    }

    private String describeFilter() {
        return categories.isEmpty() ? "(all categories)" : String.join(",", new TreeSet<>(categories));
    }

    @Override
    public String describe() {
        return "dolly " + file.name() + ", " + describeFilter() + ", "
                + (sample == 0 ? "all records" : sample + " sampled with seed " + seed);
    }
}
