package org.configspec.profile.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;

/**
 * What {@code profile all} is asked to do, as the user gave it.
 *
 * @param target   the target model
 * @param drafts   the draft models
 * @param device   the device name profiles are stored under; null = this machine's CPU model
 * @param prompts  {@code builtin}, {@code dolly} or a prompt file
 * @param dolly    the user's own Dolly file (with {@code prompts = dolly}); null = the built-in copy
 * @param nPrompts prompts used (a seeded sample)
 * @param tokens   target tokens per prompt
 * @param kMax     largest K for acceptance and time to draft K
 * @param reps     timed repetitions of each speed series
 * @param threads  CPU threads
 * @param seed     seed of prompt sampling and bootstrap
 * @param meter    the power meter's name as given (part of the run key: another meter is another run)
 * @param idle     how long the idle power baseline is measured before profiling
 * @param targetApi the API of the serving engine the target runs on, or null for a local target (part of the
 *                  run key; the URL is not: a server restarted elsewhere with the same model resumes)
 */
public record ProfileAllRequest(String target, List<String> drafts, String device, String prompts, Path dolly,
                                int nPrompts, int tokens, int kMax, int reps, int threads, long seed, String meter,
                                Duration idle, String targetApi) {
    public ProfileAllRequest {
        drafts = List.copyOf(drafts);
        if (nPrompts < 1) {
            throw new ConfigSpecException("--n-prompts must be >= 1, got " + nPrompts);
        }
    }

    /**
     * The run key: the same request gives the same key, so an interrupted run resumes where it stopped.
     *
     * @param dev the device name actually used
     */
    String runKey(String dev) {
        List<Object> key = new java.util.ArrayList<>(List.of(target, String.join(",", drafts), dev, meter, prompts,
                nPrompts, tokens, kMax, reps, threads, seed));
        if (targetApi != null) {
            key.add("remote " + targetApi);
        }
        return "profile-all:" + Integer.toHexString(key.hashCode());
    }
}
