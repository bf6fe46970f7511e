package org.configspec.profile.align;

import java.util.Locale;
import org.configspec.core.stats.Interval;

/** Writes an {@link AlignResult} as a plain-text table: every figure with its unit, aggregation, spread and n. */
public final class AlignTable {
    private AlignTable() {
    }

    public static String render(AlignResult r) {
        StringBuilder b = new StringBuilder();
        Provenance p = r.provenance();
        b.append(String.format(Locale.ROOT, "acceptance profile: target %s (%s, sha256 %s), %d prompts from %s, "
                        + "N = %d target tokens each, %s%n", p.target().name(), p.target().fileType(),
                short12(p.target().sha256()), p.promptsUsed(), p.prompts(), p.tokens(), p.mode()));
        b.append("alpha(K) = mean over rounds of L/K [fraction], per prompt then mean over prompts (std/min/max over "
                + "prompts); E(K) = mean L + 1 [tokens/round]; intervals: ").append(p.intervals()).append('\n');
        b.append("stop: ").append(p.stop()).append("; ").append(p.tool()).append(", ").append(p.date())
                .append(", threads ").append(p.threads()).append(", seed ").append(p.seed()).append('\n');
        if (p.remote() != null) {
            b.append("target pass: ").append(p.remote().describe()).append('\n');
        }
        for (DraftAcceptance d : r.drafts()) {
            b.append('\n').append(String.format(Locale.ROOT, "draft %s (%s, %d blocks, sha256 %s)%n",
                    d.draft().name(), d.draft().fileType(), d.draft().blocks(), short12(d.draft().sha256())));
            boolean expected = d.byK().get(0).expectedAlpha() != null;
            boolean truncated = d.byK().stream().anyMatch(a -> a.expectedBounds() != null
                    && a.expectedBounds().truncation() > 0);
            b.append(String.format(Locale.ROOT, "%3s  %-23s %6s %6s %6s  %7s  %-22s %7s %7s%s%s%n", "K",
                    "alpha [95% CI]", "std", "min", "max", "pooled", "E(K) [95% CI]", "rounds", "prompts",
                    expected ? "  expected alpha (sampling)" : "",
                    truncated ? "  [lo, hi] from top-N  truncation  E(K) [lo, hi]" : ""));
            for (KAcceptance a : d.byK()) {
                b.append(String.format(Locale.ROOT, "%3d  %-23s %6s %6.3f %6.3f  %7.3f  %-22s %7d %7d%s%s%n", a.k(),
                        withCi(a.alpha().value(), a.alphaInterval()), num(a.alpha().std()), a.alpha().min(),
                        a.alpha().max(), a.alphaPooled(), withCi(a.tokensPerRound().value(), a.tokensPerRoundInterval()),
                        a.rounds(), a.prompts(), expected ? String.format(Locale.ROOT, "  %.3f (std %s)",
                                a.expectedAlpha().value(), num(a.expectedAlpha().std())) : "",
                        truncated ? bounds(a.expectedBounds()) : ""));
            }
            KAcceptance last = d.byK().get(d.byK().size() - 1);
            b.append(String.format(Locale.ROOT, "per-position acceptance P(L>=i) at K=%d, pooled over %d rounds "
                    + "[Wilson 95%%]:", last.k(), last.rounds()));
            double[] s = last.survival();
            for (int i = 0; i < s.length; i++) {
                Interval w = last.survivalIntervals().get(i);
                b.append(String.format(Locale.ROOT, " i=%d %.3f [%.3f, %.3f]", i + 1, s[i], w.low(), w.high()));
                b.append(i < s.length - 1 ? ";" : "\n");
            }
            if (truncated) {
                ExpectedBounds e = last.expectedBounds();
                double[] lo = e.survivalLo();
                double[] hi = e.survivalHi();
                b.append(String.format(Locale.ROOT, "expected P(L>=i) at K=%d (sampling), bounds from the top-N "
                        + "listing:", last.k()));
                for (int i = 0; i < lo.length; i++) {
                    b.append(String.format(Locale.ROOT, " i=%d [%.3f, %.3f]", i + 1, lo[i], hi[i]));
                    b.append(i < lo.length - 1 ? ";" : "\n");
                }
            }
            long[] c = last.acceptedLengthCounts();
            b.append(String.format(Locale.ROOT, "accepted length L at K=%d [rounds]:", last.k()));
            for (int l = 0; l < c.length; l++) {
                b.append(String.format(Locale.ROOT, " L=%d %d", l, c[l]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String bounds(ExpectedBounds e) {
        return String.format(Locale.ROOT, "  [%.3f, %.3f]  %10.3f  [%.3f, %.3f]", e.alphaLo(), e.alphaHi(),
                e.truncation(), e.tokensPerRoundLo(), e.tokensPerRoundHi());
    }

    private static String withCi(double mean, Interval ci) {
        return Double.isNaN(ci.low()) ? String.format(Locale.ROOT, "%.3f [n/a]", mean)
                : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", mean, ci.low(), ci.high());
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String short12(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }
}
