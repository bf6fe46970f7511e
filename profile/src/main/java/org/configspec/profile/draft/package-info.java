/**
 * Drafting throughput: how fast a draft model runs on this device.
 * <ul>
 *   <li>{@link org.configspec.profile.draft.DraftBench} measures a GGUF through llama.cpp: load time, prefill tok/s,
 *       decode tok/s at context depths, time to draft K = 1..K_max (K sequential single-token greedy decodes from a
 *       prefix, rolled back between repetitions: the drafting cost K / r_d of the analytic model), memory (model file
 *       bytes; process-wide VmRSS before/after load and VmHWM), with warm-up and repetitions;</li>
 *   <li>{@link org.configspec.profile.draft.LlamaBenchImport} reads llama-bench {@code -o json} / {@code -o jsonl}
 *       ({@code tg} rows → decode tok/s at {@code n_depth}, {@code pp} rows → prefill tok/s), tolerating unknown
 *       fields;</li>
 *   <li>both give a {@link org.configspec.profile.draft.DraftMeasurement}, condensed by
 *       {@link org.configspec.profile.draft.DraftMeasurement#toProfile(String)} to the core
 *       {@link org.configspec.core.profile.DraftProfile}: {@code tokPerS} = the <b>median decode tok/s at the smallest
 *       measured depth</b> (0 by default, as llama-bench {@code tg}), std/min/max/n of the repetitions;
 *       {@code powerW} from an {@link org.configspec.profile.draft.EnergyProbe} (null without a meter);
 *       {@code peakMemoryBytes} = process-wide VmHWM;</li>
 *   <li>every figure is a {@link org.configspec.core.stats.Measured}: unit, median, order-statistic confidence
 *       interval of the median with its exact coverage, std, min, max, n;</li>
 *   <li>{@link org.configspec.profile.draft.DraftReport} writes tables and JSON;</li>
 *   <li>{@link org.configspec.profile.draft.DecodeBench} ({@code configspec bench decode}) compares the decode loop
 *       ({@link org.configspec.llm.engine.DecodeStep}) with llama-bench's {@code tg} on the same GGUF, run by
 *       {@code LlamaBenchRunner} and read by {@link org.configspec.profile.draft.LlamaBenchReader}, and times batches of
 *       K tokens against K single-token decodes.</li>
 * </ul>
 */
package org.configspec.profile.draft;
