package org.configspec.profile.draft;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.configspec.core.error.ConfigSpecException;

/**
 * Turns llama-bench results into {@link DraftMeasurement}s, one per (model file, threads): {@code tg} rows
 * ({@code n_prompt = 0}) become decode tok/s at depth {@code n_depth}, {@code pp} rows ({@code n_gen = 0}) prefill
 * tok/s of {@code n_prompt} tokens; {@code pg} rows (both) are skipped with a note. Each figure is the median and
 * order-statistic interval of {@code samples_ts}, or {@code avg_ts} ± {@code stddev_ts} (aggregation mean) when a
 * build wrote no samples. llama-bench measures no load time, no time to draft K (use K / decode tok/s) and no RSS;
 * {@code model_size} (tensor bytes) stands in for the model file size. Stateless.
 */
public final class LlamaBenchImport {
    private LlamaBenchImport() { }

    /** Reads {@code file} ({@code -o json} or {@code -o jsonl}) and converts it. */
    public static List<DraftMeasurement> read(Path file) {
        return convert(file, LlamaBenchReader.read(file));
    }

    public static List<DraftMeasurement> convert(Path file, List<LlamaBenchRow> rows) {
        Map<String, List<LlamaBenchRow>> groups = new LinkedHashMap<>();
        for (LlamaBenchRow r : rows) {
            groups.computeIfAbsent(r.modelFilename() + "\u0000" + r.nThreads(), k -> new ArrayList<>()).add(r);
        }
        List<DraftMeasurement> out = new ArrayList<>();
        for (List<LlamaBenchRow> g : groups.values()) {
            out.add(measurement(file, g));
        }
        return out;
    }

    private static DraftMeasurement measurement(Path file, List<LlamaBenchRow> rows) {
        LlamaBenchRow first = rows.get(0);
        List<PrefillRate> prefill = new ArrayList<>();
        List<DecodeRate> decode = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int pg = 0;
        int reps = 1;
        boolean means = false;
        for (LlamaBenchRow r : rows) {
            reps = Math.max(reps, r.samplesTs().size());
            means |= r.samplesTs().isEmpty();
            if (r.isTg()) {
                decode.add(new DecodeRate(r.nDepth(), r.nGen(), r.tokPerS()));
            } else if (r.isPp()) {
                prefill.add(new PrefillRate(r.nDepth(), r.nPrompt(), r.tokPerS()));
            } else {
                pg++;
            }
        }
        String model = modelName(first.modelFilename());
        if (decode.isEmpty() && prefill.isEmpty()) {
            throw new ConfigSpecException(file + ": model " + model + " has only pg (prompt + generation) results ("
                    + first.where() + "); allowed: llama-bench runs with -p (pp) and/or -n (tg)");
        }
        if (pg > 0) {
            notes.add("skipped " + pg + " pg (prompt + generation) result(s): neither pure decode nor pure prefill");
        }
        if (means) {
            notes.add("some results have no samples_ts: those figures are llama-bench's avg_ts (mean) ± stddev_ts, n unknown");
        }
        notes.add("llama-bench: warm-up as llama-bench ran it (one untimed run unless --no-warmup); no load time, no"
                + " time to draft K (use K / decode tok/s), no RSS; model size is llama-bench's model_size (tensor bytes)");
        String arch = first.modelType().isBlank() ? "" : first.modelType().split(" ", 2)[0];
        ModelIdentity id = new ModelIdentity(model, first.modelFilename(), arch, quant(first.modelType()), "",
                first.modelNParams());
        String build = first.buildCommit().isBlank() ? "unknown build" : first.buildCommit()
                + (first.buildNumber() > 0 ? " (build " + first.buildNumber() + ")" : "");
        HostInfo host = new HostInfo(first.cpuInfo(), "llama.cpp " + build, "", "llama-bench");
        Harness h = new Harness(-1, reps, first.nThreads(), 0, first.flashAttn(), first.typeK());
        return new DraftMeasurement("llama-bench output " + file.getFileName(), first.testTime(), id, host, h, null,
                prefill, decode, List.of(), new MemoryUse(Math.max(0, first.modelSize()), 0, 0, 0), null, "", notes);
    }

    /** The file name without directories and {@code .gguf}; {@code unknown} when empty. */
    static String modelName(String filename) {
        String f = filename.replace('\\', '/');
        f = f.substring(f.lastIndexOf('/') + 1);
        if (f.toLowerCase(Locale.ROOT).endsWith(".gguf")) {
            f = f.substring(0, f.length() - 5);
        }
        return f.isBlank() ? "unknown" : f;
    }

    /**
     * The quantisation in llama-bench's {@code model_type} ("arch size quant"): {@code llama ?B Q8_0} → {@code Q8_0},
     * {@code qwen2 7B Q4_K - Medium} → {@code Q4_K_M}, {@code llama 7B mostly Q4_0} / {@code all F32} → the type.
     */
    static String quant(String modelType) {
        String[] parts = modelType.trim().split(" ", 3);
        if (parts.length < 3 || parts[2].isBlank()) {
            return "unknown";
        }
        String q = parts[2].trim();
        for (String prefix : List.of("mostly ", "all ")) {
            if (q.startsWith(prefix)) {
                q = q.substring(prefix.length()).trim();
            }
        }
        q = q.replace(" - Medium", "_M").replace(" - Small", "_S").replace(" - Large", "_L")
                .replace(" - Extra Small", "_XS").replace(" - Extra small", "_XS");
        return q.replace(' ', '_');
    }
}
