package org.configspec.serve.metrics;

import java.util.List;
import java.util.Locale;

/**
 * The per-round records of a run as CSV (seconds and bytes; one row per verified round). {@code verifier_s} is the
 * verifier's own time for the verify (queueing plus decoding; empty where unknown), so round_trip_s − verifier_s is
 * the network's round trip — what {@code simulate --rtt-file} samples. {@code ahead_tokens} and {@code ahead_s} are
 * {@code run --pipeline}'s drafting ahead (see {@link RoundRecord}).
 */
public final class RoundCsv {
    public static final String HEADER = "round,k,accepted,committed,draft_s,round_trip_s,bytes_sent,bytes_received,"
            + "batch_size,verifier_s,ahead_tokens,ahead_s";

    private RoundCsv() {
    }

    public static String render(List<RoundRecord> rounds) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        int i = 1;
        for (RoundRecord r : rounds) {
            b.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%.6f,%.6f,%d,%d,%d,%s,%d,%.6f%n", i++, r.k(),
                    r.accepted(), r.committed(), r.draftSeconds(), r.roundTripSeconds(), r.bytesSent(),
                    r.bytesReceived(), r.batchSize(), Double.isNaN(r.verifierSeconds()) ? ""
                            : String.format(Locale.ROOT, "%.6f", r.verifierSeconds()), r.aheadTokens(),
                    r.aheadSeconds()));
        }
        return b.toString();
    }
}
