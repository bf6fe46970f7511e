package org.configspec.profile.align;

import org.configspec.core.error.Check;

/**
 * Where an acceptance profile comes from: tool, model files (sha256), settings and seed, date; stored
 * profiles carry it so that a number can be traced to how it was measured.
 *
 * @param tool          tool and version, e.g. "configspec 0.1.0"
 * @param date          when it was measured, ISO-8601 UTC
 * @param target        the target model
 * @param threads       CPU threads of the engines
 * @param seed          bootstrap seed
 * @param prompts       where the prompts come from
 * @param promptsUsed   prompts profiled
 * @param tokens        N, target continuation tokens per prompt
 * @param kMax          largest K
 * @param mode          "greedy" or "greedy + sampling (temperature …)"
 * @param targetPass    how the target's continuation was computed
 * @param intervals     which interval is used where
 * @param stop          why profiling stopped adding prompts
 * @param remote        the serving engine the target ran on, or null for a local target
 */
public record Provenance(String tool, String date, ModelRef target, int threads, long seed, String prompts,
                         int promptsUsed, int tokens, int kMax, String mode, String targetPass, String intervals,
                         String stop, RemoteProvenance remote) {
    public static final String TOOL = "configspec 0.1.0";

    /** A local target's provenance. */
    public Provenance(String tool, String date, ModelRef target, int threads, long seed, String prompts,
                      int promptsUsed, int tokens, int kMax, String mode, String targetPass, String intervals,
                      String stop) {
        this(tool, date, target, threads, seed, prompts, promptsUsed, tokens, kMax, mode, targetPass, intervals, stop,
                null);
    }

    public Provenance {
        Check.name("tool", tool);
        Check.name("date", date);
        Check.present("target", target);
        Check.name("prompts source", prompts);
    }
}
