package org.configspec.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The rounds of a {@code configspec run --rounds-csv} file after the first (which holds the session creation and both
 * prompt prefills), columns found by name: what the benchmarks that run real clients read from them.
 */
final class RoundsCsv {
    private final int[] k;
    private final int[] committed;
    private final double[] draftS;
    private final double[] roundTripS;
    private final double[] verifierS;

    private RoundsCsv(int rounds) {
        k = new int[rounds];
        committed = new int[rounds];
        draftS = new double[rounds];
        roundTripS = new double[rounds];
        verifierS = new double[rounds];
    }

    static RoundsCsv read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int kAt = header.indexOf("k");
        int committedAt = header.indexOf("committed");
        int draftAt = header.indexOf("draft_s");
        int roundTripAt = header.indexOf("round_trip_s");
        int verifierAt = header.indexOf("verifier_s");
        RoundsCsv r = new RoundsCsv(Math.max(0, lines.size() - 2));
        for (int i = 0; i < r.rounds(); i++) {
            String[] f = lines.get(i + 2).split(",", -1);
            r.k[i] = Integer.parseInt(f[kAt]);
            r.committed[i] = Integer.parseInt(f[committedAt]);
            r.draftS[i] = Double.parseDouble(f[draftAt]);
            r.roundTripS[i] = Double.parseDouble(f[roundTripAt]);
            r.verifierS[i] = f[verifierAt].isEmpty() ? Double.NaN : Double.parseDouble(f[verifierAt]);
        }
        return r;
    }

    int rounds() {
        return k.length;
    }

    /** Σ K / Σ drafting seconds: drafting speed inside the rounds (NaN without drafting time). */
    double draftingTokPerS() {
        long drafted = 0;
        double seconds = 0;
        for (int i = 0; i < rounds(); i++) {
            drafted += k[i];
            seconds += draftS[i];
        }
        return seconds > 0 ? drafted / seconds : Double.NaN;
    }

    /** Σ committed / Σ (drafting + round trip): the decode phase's goodput, as llama-speculative times its own. */
    double decodeGoodput() {
        long tokens = 0;
        double seconds = 0;
        for (int i = 0; i < rounds(); i++) {
            tokens += committed[i];
            seconds += draftS[i] + roundTripS[i];
        }
        return seconds > 0 ? tokens / seconds : Double.NaN;
    }

    /** Each round's drafting milliseconds. */
    double[] draftMs() {
        return ms(draftS);
    }

    /** Each round's verifier milliseconds (its queueing and decoding, as its answer reported). */
    double[] verifierMs() {
        return ms(verifierS);
    }

    /** Each round's milliseconds outside the verifier: round trip − verifier (HTTP, JSON, hand-offs). */
    double[] outsideMs() {
        double[] out = new double[rounds()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (roundTripS[i] - verifierS[i]) * 1e3;
        }
        return out;
    }

    private static double[] ms(double[] seconds) {
        double[] out = new double[seconds.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = seconds[i] * 1e3;
        }
        return out;
    }
}
