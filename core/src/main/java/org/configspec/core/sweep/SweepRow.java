package org.configspec.core.sweep;

/**
 * The goodput-optimal K of one target × device × draft variant at one verification time.
 *
 * @param tokPerS   draft speed r_d (tokens/s)
 * @param tVerifyS  the swept T_v (s)
 * @param ratio     R = r_d · T_v: how many tokens the device drafts while one verification takes
 * @param optimalK  the K with the highest goodput
 * @param goodput   goodput at that K (tokens/s)
 * @param tokensPerRound E(K*) (tokens)
 */
public record SweepRow(String target, String device, String draft, String quant, double tokPerS, double tVerifyS,
                       double ratio, int optimalK, double goodput, double tokensPerRound) {
}
