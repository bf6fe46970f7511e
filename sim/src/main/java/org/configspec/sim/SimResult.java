package org.configspec.sim;

/**
 * What one simulation measured.
 *
 * @param goodput             committed tokens per second of each client (mean and percentiles over clients)
 * @param tokensPerRound      mean committed tokens per round, E[L] + 1, over all rounds
 * @param tokensPerRoundSd    standard deviation of committed tokens per round
 * @param acceptedPerRound    mean accepted draft tokens per round, E[L]
 * @param meanK               mean K drafted per round
 * @param rounds              verify rounds completed
 * @param utilisation         mean fraction of the run each verifier spent serving batches
 * @param meanBatch           mean sessions per batch
 * @param queueDelayS         seconds from a verify's arrival at its verifier to the start of its batch
 * @param tokensPerUsd        committed tokens per US dollar billed
 * @param joulesPerToken      edge energy per committed token in J (NaN where power is unknown)
 * @param events              events processed
 * @param acceptanceModel     how accepted lengths were drawn
 * @param classes             per class of the mix (one entry without a mix)
 * @param sessions            sessions opened, completed and rejected
 * @param meanServiceS        mean service time of a verify batch (NaN without batches)
 */
public record SimResult(SimConfig config, Summary goodput, double tokensPerRound, double tokensPerRoundSd,
                        double acceptedPerRound, double meanK, long rounds, double utilisation, double meanBatch,
                        Summary queueDelayS, double tokensPerUsd, double joulesPerToken, long events,
                        String acceptanceModel, java.util.List<ClassResult> classes, SessionStats sessions,
                        double meanServiceS) {
    public SimResult {
        classes = classes == null ? java.util.List.of() : java.util.List.copyOf(classes);
    }
}
