package org.configspec.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * llama.cpp's own tools from the native build ({@code build/bin} of scripts/build-llama-native): runs one of them with
 * a timeout and reads the one figure {@link VsLlamaCpp} compares with. Every method fails with one line naming the
 * tool and the command when the tool exits non-zero or prints no such figure.
 */
final class NativeTools {
    private static final Pattern SPEC_SPEED = Pattern.compile("decoded\\s+(\\d+) tokens in\\s+([0-9.]+) seconds,"
            + " speed:\\s+([0-9.]+) t/s");
    private static final Pattern SPEC_ACCEPT = Pattern.compile("accept\\s+=\\s+([0-9.]+)%");
    private static final Pattern SPEC_DRAFTED = Pattern.compile("n_drafted\\s+=\\s+(\\d+)");
    /** The target's perf lines (printed last; the draft's only at a higher verbosity). */
    private static final Pattern PERF_PROMPT = Pattern.compile("prompt eval time =\\s+([0-9.]+) ms");
    private static final Pattern PERF_SAMPLING = Pattern.compile("sampling time =\\s+([0-9.]+) ms");
    private static final Pattern BENCH_TG = Pattern.compile("\"avg_ts\"\\s*:\\s*([0-9.eE+-]+)");

    private final Path bin;

    NativeTools(Path bin) {
        this.bin = bin;
        for (String t : List.of("llama-bench", "llama-batched-bench", "llama-speculative")) {
            if (!Files.isExecutable(bin.resolve(t))) {
                throw new IllegalStateException("missing " + bin.resolve(t) + ": the native llama.cpp tools are built"
                        + " by scripts/build-llama-native (this benchmark builds nothing itself)");
            }
        }
    }

    Path bin() {
        return bin;
    }

    /** llama-bench's tg tok/s: {@code -p 0 -n tokens -r 1}, flash attention auto, F16 KV (our decode defaults). */
    double benchTg(Path model, int threads, int tokens) {
        String out = run(List.of(tool("llama-bench"), "-m", model.toString(), "-t", str(threads), "-p", "0", "-n",
                str(tokens), "-r", "1", "-fa", "auto", "-ctk", "f16", "-ctv", "f16", "-o", "json"));
        Matcher m = BENCH_TG.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("llama-bench printed no avg_ts: " + tail(out));
        }
        return Double.parseDouble(m.group(1));
    }

    /**
     * llama-batched-bench's prompt-processing tok/s (S_PP) for {@code sequences} sequences of {@code tokens} tokens
     * decoded in one batch from an empty cache, with the verifier's settings (flash attention off, F32 KV cache).
     * llama.cpp computes logits for the last token of each sequence only.
     */
    double batchedPp(Path model, int threads, int tokens, int sequences) {
        String out = run(List.of(tool("llama-batched-bench"), "-m", model.toString(), "-t", str(threads), "-tb",
                str(threads), "-c", "4096", "-b", "2048", "-ub", "512", "-npp", str(tokens), "-ntg", "1", "-npl",
                str(sequences), "-fa", "off", "-ctk", "f32", "-ctv", "f32"));
        for (String line : out.split("\n")) {
            String[] f = line.split("\\|");
            // |    PP |     TG |    B |   N_KV |   T_PP s | S_PP t/s | ...
            if (f.length > 6 && f[1].trim().equals(str(tokens)) && f[3].trim().equals(str(sequences))) {
                return Double.parseDouble(f[6].trim());
            }
        }
        throw new IllegalStateException("llama-batched-bench printed no row for PP " + tokens + ", B " + sequences
                + ": " + tail(out));
    }

    /**
     * What llama-speculative reports: decode-phase tok/s (prompt encoding excluded), acceptance, tokens drafted, and
     * the target's own time (its batches, which llama.cpp counts as prompt eval, and its sampling), whose rest of the
     * decode phase is the drafting and the loop around it.
     */
    record Speculative(int tokens, double seconds, double tokPerS, double acceptPercent, int drafted,
                       double targetSeconds) {
        /** Drafted tokens per second of the decode phase the target did not take (its prompt's batch included). */
        double draftingTokPerS() {
            return drafted / (seconds - targetSeconds);
        }
    }

    /** llama-speculative, greedy, exactly K drafted per round ({@code p-min 0}), both models on {@code threads}. */
    Speculative speculative(Path target, Path draft, String prompt, int n, int k, int threads) {
        return speculative(target, draft, prompt, n, k, threads, List.of());
    }

    /** As above, with more llama-speculative flags (e.g. the target's KV-cache type). */
    Speculative speculative(Path target, Path draft, String prompt, int n, int k, int threads, List<String> flags) {
        List<String> cmd = new ArrayList<>(List.of(tool("llama-speculative"), "-m", target.toString(), "-md",
                draft.toString(), "-p", prompt, "-n", str(n), "-t", str(threads), "-td", str(threads), "-c", "256",
                "--temp", "0", "--seed", "1", "--spec-draft-n-max", str(k), "--spec-draft-n-min", "0",
                "--spec-draft-p-min", "0"));
        cmd.addAll(flags);
        String out = run(cmd);
        Matcher m = SPEC_SPEED.matcher(out);
        Matcher a = SPEC_ACCEPT.matcher(out);
        String last = null;
        while (m.find()) {
            last = m.group(0);
        }
        if (last == null || !a.find()) {
            throw new IllegalStateException("llama-speculative printed no decode speed: " + tail(out));
        }
        Matcher d = SPEC_SPEED.matcher(last);
        d.matches();
        Matcher drafted = SPEC_DRAFTED.matcher(out);
        double targetMs = lastMs(PERF_PROMPT, out) + lastMs(PERF_SAMPLING, out);
        if (!drafted.find() || Double.isNaN(targetMs)) {
            throw new IllegalStateException("llama-speculative printed no n_drafted or target timings: " + tail(out));
        }
        return new Speculative(Integer.parseInt(d.group(1)), Double.parseDouble(d.group(2)),
                Double.parseDouble(d.group(3)), Double.parseDouble(a.group(1)), Integer.parseInt(drafted.group(1)),
                targetMs / 1000);
    }

    /** The last match's milliseconds, NaN when none. */
    private static double lastMs(Pattern p, String out) {
        Matcher m = p.matcher(out);
        double ms = Double.NaN;
        while (m.find()) {
            ms = Double.parseDouble(m.group(1));
        }
        return ms;
    }

    private String tool(String name) {
        return bin.resolve(name).toString();
    }

    /** Runs a command (stdout and stderr together) with the tools' directory on the library path. */
    static String run(List<String> command, Path libraryDir) {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        if (libraryDir != null) {
            String old = System.getenv("LD_LIBRARY_PATH");
            pb.environment().put("LD_LIBRARY_PATH", libraryDir + (old == null || old.isEmpty() ? "" : ":" + old));
        }
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after 10 min: " + String.join(" ", command));
            }
            String s = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " exited with " + p.exitValue()
                        + " (" + String.join(" ", command) + "): " + tail(s));
            }
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    private String run(List<String> command) {
        return run(command, bin);
    }

    static String tail(String s) {
        String t = s.strip();
        t = t.length() > 400 ? "…" + t.substring(t.length() - 400) : t;
        return t.replace('\n', ' ');
    }

    private static String str(int v) {
        return Integer.toString(v);
    }
}
