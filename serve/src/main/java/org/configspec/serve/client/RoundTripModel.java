package org.configspec.serve.client;

/**
 * The round trip an optimal-K policy plans with, as a function of K. The time outside the verifier (the link, HTTP)
 * is tracked by an exponentially weighted moving average (weight {@value #WEIGHT} of the newest round, as
 * {@link TrackingK} tracks its round trip): a link or a load that changes during the run moves the plan within a few
 * dozen rounds, where the mean over every round seen would hold the old link's time for as long again (real runs
 * through a link switching from 20 to 100 ms after 15 s kept {@code optimal} at the 20 ms link's K for the whole
 * second phase). The verifier's own time (queueing and decoding, as its answers report) grows with the positions it
 * decodes, K + 1: on a CPU our verifier pays per position (docs/simulation.md, "Calibration"), so a constant round
 * trip — whatever K was drafted — makes long drafts look cheaper than they are. It is fitted as a + b · (K + 1) by
 * least squares over the rounds, with a, b >= 0 (b = 0: the mean; a = 0: the fit through the origin), once rounds of
 * two K or more were seen; with one K, proportional to K + 1. Rounds whose verifier time is unknown (0) give a
 * verifier time of 0, i.e. the tracked round trip.
 */
final class RoundTripModel {
    /** Weight of the newest round in the time outside the verifier: {@link TrackingK}'s default for its round trip. */
    static final double WEIGHT = TrackingK.DEFAULT_WEIGHT;

    private long rounds;
    private double outside;
    private double sumX;
    private double sumY;
    private double sumXX;
    private double sumXY;

    void add(KPolicy.Observation o) {
        double inside = Math.max(0, Math.min(o.verifierSeconds(), o.roundTripSeconds()));
        double x = o.k() + 1;
        rounds++;
        double out = o.roundTripSeconds() - inside;
        outside = rounds == 1 ? out : outside + WEIGHT * (out - outside);
        sumX += x;
        sumY += inside;
        sumXX += x * x;
        sumXY += x * inside;
    }

    long rounds() {
        return rounds;
    }

    /** The expected round trip of a round drafting {@code k} tokens, in seconds (0 before any round). */
    double seconds(int k) {
        if (rounds == 0) {
            return 0;
        }
        double x = k + 1;
        double spread = rounds * sumXX - sumX * sumX;
        if (spread <= 1e-9 * rounds * sumXX) {
            // one K seen: the verifier's time in proportion to the positions
            return outside + (sumXX > 0 ? sumXY / sumXX : 0) * x;
        }
        double b = (rounds * sumXY - sumX * sumY) / spread;
        double a = (sumY - b * sumX) / rounds;
        if (b < 0) {
            return outside + sumY / rounds;
        }
        if (a < 0) {
            return outside + sumXY / sumXX * x;
        }
        return outside + a + b * x;
    }
}
