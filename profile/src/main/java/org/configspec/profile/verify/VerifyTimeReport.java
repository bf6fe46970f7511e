package org.configspec.profile.verify;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.configspec.llm.remote.ServerIdentity;
import org.configspec.profile.align.Provenance;
import org.configspec.store.ProfileProvenance;
import org.configspec.store.RemoteSource;
import org.configspec.store.VerifyTimeDocument;

/** A verify-time measurement as a table for people and as a stored verify-time profile. */
public final class VerifyTimeReport {
    private VerifyTimeReport() {
    }

    public static String table(VerifyTimeProbe.Result r, VerifyTimeProbe.Settings s, ServerIdentity id, String url) {
        StringBuilder b = new StringBuilder();
        var f = r.fit();
        b.append(String.format(Locale.ROOT, "verify time of %s at %s, %d requests per (K, context) interleaved, K 0..%d,"
                + " contexts %s%n", id, url, s.repetitions(), s.kMax(), s.contexts()));
        b.append("request: ").append(r.request()).append('\n');
        b.append(String.format(Locale.ROOT, "fit (least squares over the %d medians per (K, context)): T_v(K, context) = %.4g s + %.4g s × (K+1)%s;"
                        + " RTT %.4g s (median of %d /tokenize requests), so a = %.4g s%n", f.n(), f.intercept(),
                f.perTokenS(), f.withContext() ? String.format(Locale.ROOT, " + %.4g s × context", f.perContextTokenS())
                        : "", r.rttS(), r.rttN(), Math.max(0, f.intercept() - r.rttS())));
        b.append(String.format(Locale.ROOT, "residuals: rms %.4g s, max |r| %.4g s, R² %.4f%n", f.rmsResidualS(),
                f.maxResidualS(), f.rSquared()));
        b.append(String.format(Locale.ROOT, "%8s %3s %14s %12s %14s%n", "context", "K", "median [s]", "fit [s]",
                "residual [s]"));
        for (double[] row : r.medians(s)) {
            b.append(String.format(Locale.ROOT, "%8d %3d %14.5f %12.5f %+14.5f%n", (int) row[0], (int) row[1], row[2],
                    row[2] - row[3], row[3]));
        }
        return b.toString();
    }

    /** The stored verify-time profile of this measurement. */
    public static VerifyTimeDocument document(VerifyTimeProbe.Result r, VerifyTimeProbe.Settings s, ServerIdentity id,
                                              String url, String target, String device) {
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        long requests = r.rttN() + (long) r.samples().size();
        return new VerifyTimeDocument(target, device, r.rttS(), r.fit(), s.contexts(), s.kMax(), s.repetitions(),
                r.request(), new RemoteSource(id.api().cliName(), id.version(), id.modelId(), url, 1, requests, 0, 0),
                new ProfileProvenance(Provenance.TOOL + " profile verify-time", "", "", device, "", 0, s.seed(), date));
    }
}
