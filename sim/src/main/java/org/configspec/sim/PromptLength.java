package org.configspec.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.configspec.core.error.ConfigSpecException;

/** Prompt length of a session in tokens, drawn when it opens ({@code --prompt-length}). */
public sealed interface PromptLength {
    int sample(SplittableRandom rng);

    String describe();

    /** No prompt: sessions open without a prefill (the default). */
    PromptLength NONE = new Constant(0);

    /** The same length every session. */
    record Constant(int tokens) implements PromptLength {
        public Constant {
            if (tokens < 0 || tokens > 1 << 20) {
                throw new ConfigSpecException("--prompt-length " + tokens + ": allowed 0..1048576 tokens");
            }
        }

        @Override
        public int sample(SplittableRandom rng) {
            return tokens;
        }

        @Override
        public String describe() {
            return tokens + " tokens";
        }
    }

    /** Lognormal: round(exp(N(ln median, sigma²))), at least 1 and at most 2^20. */
    record LogNormal(double median, double sigma) implements PromptLength {
        public LogNormal {
            if (!(median >= 1) || median > 1 << 20 || !(sigma >= 0) || sigma > 10) {
                throw new ConfigSpecException("--prompt-length lognormal:" + median + ":" + sigma
                        + ": allowed a median of 1..1048576 tokens and a sigma of 0..10");
            }
        }

        @Override
        public int sample(SplittableRandom rng) {
            return (int) Math.max(1, Math.min(1 << 20, Math.round(LogNormalSampler.withMedian(median, sigma, rng))));
        }

        @Override
        public String describe() {
            return "lognormal, median " + Text.num(median) + " tokens, sigma " + Text.num(sigma);
        }
    }

    /** Drawn with replacement from measured lengths (a file of one length per line). */
    record Empirical(int[] tokens, String source) implements PromptLength {
        public Empirical {
            tokens = tokens.clone();
        }

        @Override
        public int sample(SplittableRandom rng) {
            return tokens[rng.nextInt(tokens.length)];
        }

        @Override
        public String describe() {
            return "empirical, " + tokens.length + " lengths from " + source;
        }
    }

    /**
     * {@code N} (constant), {@code lognormal:MEDIAN:SIGMA}, or {@code file:PATH} (one whole number of tokens per line;
     * blank lines and lines starting with # are skipped).
     */
    public static PromptLength parse(String text) {
        String t = text == null ? "" : text.trim();
        String allowed = ": allowed N, lognormal:MEDIAN:SIGMA or file:PATH";
        if (t.startsWith("file:")) {
            return read(Path.of(t.substring(5)));
        }
        try {
            if (t.startsWith("lognormal:")) {
                String[] p = t.split(":");
                if (p.length != 3) {
                    throw new ConfigSpecException("--prompt-length '" + text + "'" + allowed);
                }
                return new LogNormal(Double.parseDouble(p[1]), Double.parseDouble(p[2]));
            }
            return new Constant(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            throw new ConfigSpecException("--prompt-length '" + text + "'" + allowed);
        }
    }

    private static PromptLength read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            throw new ConfigSpecException("--prompt-length file:" + file + ": cannot read (" + e.getMessage() + ")");
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int v;
            try {
                v = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                v = -1;
            }
            if (v < 0 || v > 1 << 20) {
                throw new ConfigSpecException("--prompt-length file:" + file + " line " + (i + 1) + ": '" + l
                        + "' (allowed a whole number of tokens, 0..1048576)");
            }
            out.add(v);
        }
        if (out.isEmpty()) {
            throw new ConfigSpecException("--prompt-length file:" + file + ": no lengths (allowed one per line)");
        }
        return new Empirical(out.stream().mapToInt(Integer::intValue).toArray(), file.toString());
    }
}
