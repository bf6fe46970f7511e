/**
 * Acceptance (alignment) profiling of draft → target pairs: α(K) and P(L ≥ i), the
 * inputs of core/src/main/java/org/configspec/core/model/AnalyticModel.java.
 * <p>Definitions, used everywhere in this package:
 * <ul>
 *   <li>A <b>round</b> starts at a committed prefix p (continuation tokens committed so far); the draft proposes K
 *   tokens greedily, L = number of leading drafted tokens equal to the target's greedy tokens at the same positions
 *   (0..K), and the round commits L + 1 tokens (the accepted ones plus the target's own token).</li>
 *   <li><b>α(K)</b> = mean over rounds of L/K. Headline aggregation: per prompt (mean over its rounds), then the mean
 *   over prompts, with std/min/max over prompts and n = prompts; the pooled mean over all rounds is kept too.</li>
 *   <li><b>E(K)</b> = mean L + 1, tokens committed per round (same aggregation as α).</li>
 *   <li><b>P(L ≥ i)</b> = fraction of rounds whose first i drafted tokens were all accepted.</li>
 *   <li>A round is counted only when its K drafted positions and the target's own token all lie inside the target's
 *   continuation (N tokens, or up to and including end-of-sequence).</li>
 * </ul>
 * Greedy replay needs one target pass per prompt: the target's greedy continuation T, and one teacher-forced draft
 * pass over T giving g[q], the draft's greedy token after prefix T[0..q-1]. The draft's greedy K-run from prefix p
 * agrees with T exactly as long as g[p+j] == T[p+j], so L(p, K) = min(K, run of consecutive matches from p), for
 * every K at once ({@link org.configspec.profile.align.GreedyReplay}).
 */
package org.configspec.profile.align;
