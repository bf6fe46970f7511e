package org.configspec.serve.metrics;

import java.util.List;
import java.util.Locale;

/**
 * What a client run did.
 *
 * @param rounds           verified rounds
 * @param tokens           tokens committed (speculative + local fallback)
 * @param fallbackTokens   tokens decoded locally by the draft after the verifier stayed down
 * @param seconds          wall time of the generation (s)
 * @param retries          verify calls retried after a network error
 * @param recreations      sessions recreated after the verifier forgot them
 */
public record RunSummary(List<RoundRecord> roundRecords, int rounds, int tokens, int fallbackTokens, double seconds,
                         long retries, long recreations, long bytesSent, long bytesReceived) {
    public RunSummary {
        roundRecords = List.copyOf(roundRecords);
    }

    /** Committed tokens per second of wall time. */
    public double goodput() {
        return seconds > 0 ? tokens / seconds : 0;
    }

    /** Mean accepted draft tokens per round. */
    public double meanAccepted() {
        return roundRecords.stream().mapToInt(RoundRecord::accepted).average().orElse(0);
    }

    /** Mean tokens committed per verified round. */
    public double tokensPerRound() {
        return roundRecords.stream().mapToInt(RoundRecord::committed).average().orElse(0);
    }

    /** Accepted / drafted over all rounds. */
    public double acceptanceRate() {
        long d = roundRecords.stream().mapToLong(RoundRecord::k).sum();
        long a = roundRecords.stream().mapToLong(RoundRecord::accepted).sum();
        return d == 0 ? 0 : (double) a / d;
    }

    public double meanRoundTripMs() {
        return 1000 * roundRecords.stream().mapToDouble(RoundRecord::roundTripSeconds).average().orElse(0);
    }

    public String describe() {
        String base = String.format(Locale.ROOT, "rounds %d, tokens %d (%d local fallback), %.3f s, goodput %.1f tok/s,"
                        + " mean accepted %.2f tok/round (acceptance %.3f), %.2f tok/round, mean round trip %.1f ms"
                        + " (n=%d), bytes sent %d, received %d, retries %d, session recreations %d",
                rounds, tokens, fallbackTokens, seconds, goodput(), meanAccepted(), acceptanceRate(), tokensPerRound(),
                meanRoundTripMs(), roundRecords.size(), bytesSent, bytesReceived, retries, recreations);
        int reused = 0;
        long aheadTokens = 0;
        double aheadSeconds = 0;
        for (RoundRecord r : roundRecords) {
            reused += r.aheadTokens() > 0 ? 1 : 0;
            aheadTokens += r.aheadTokens();
            aheadSeconds += r.aheadSeconds();
        }
        if (aheadSeconds == 0 && reused == 0) {
            return base;
        }
        return base + String.format(Locale.ROOT, ", drafted ahead during verifies %.3f s, %d rounds (%d tokens) drafted"
                + " ahead and used", aheadSeconds, reused, aheadTokens);
    }
}
