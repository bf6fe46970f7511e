package org.configspec.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import org.configspec.core.validation.StoredValidation;
import org.configspec.core.validation.ValidationPoint;
import org.configspec.core.validation.ValidationReport;

/**
 * The stored document of kind "validation" (the third kind beside {@link DraftDocument} and {@link AcceptanceDocument}):
 * a validate run with its model inputs, per-(RTT, K) measured and predicted figures, and provenance.
 */
public final class ValidationDocuments {
    public static final String KIND = "validation";

    private ValidationDocuments() {
    }

    public static ProfileDocument of(ValidationReport r, ProfileKeys keys, String draftSha256, String targetSha256,
                              ProfileProvenance provenance, int tokens, int prompts, Instant created) {
        ObjectNode n = CanonicalJson.MAPPER.createObjectNode();
        n.put("kind", KIND);
        n.put("device", keys.device());
        n.put("draft", keys.draft());
        n.put("quant", keys.quant());
        n.put("target", keys.target());
        ObjectNode in = n.putObject("inputs");
        ObjectNode acc = in.putObject("acceptance");
        acc.put("source", r.stored() == null ? "fitted from these runs" : r.stored().acceptanceId());
        acc.put("model", r.stored() == null ? String.format(java.util.Locale.ROOT, "i.i.d. a=%.4f", r.acceptanceRate())
                : r.stored().acceptance().describe());
        if (r.stored() != null) {
            acc.put("fallback", r.stored().iidFallback().describe());
        }
        acc.put("runsIidRate", r.acceptanceRate());
        ObjectNode rd = in.putObject("draftTokPerS");
        rd.put("value", r.draftTokensPerSecond());
        rd.put("source", r.stored() == null ? "fitted from these runs" : r.stored().draftId());
        ObjectNode pw = in.putObject("draftPowerW");
        num(pw, "value", r.draftPowerW());
        pw.put("source", r.stored() == null ? "none" : r.stored().draftId());
        ObjectNode tv = in.putObject("verifyTime");
        tv.put("fixedMs", r.verifyFixedMs());
        tv.put("perTokenMs", r.verifyPerTokenMs());
        tv.put("source", "fitted from these runs");
        ObjectNode bill = in.putObject("billing");
        bill.put("regime", "paper");
        bill.put("priceOutputPerMTok", r.priceOutputPerMTok());
        ObjectNode settings = n.putObject("settings");
        settings.put("tokens", tokens);
        settings.put("prompts", prompts);
        ArrayNode pts = n.putArray("points");
        for (ValidationPoint p : r.points()) {
            ObjectNode o = pts.addObject();
            o.put("rttMs", p.rttMs());
            o.put("k", p.k());
            o.put("rounds", p.rounds());
            o.put("iidFallback", p.iidFallback());
            pair(o.putObject("tokensPerRound"), p.measuredTokensPerRound(), p.predictedTokensPerRound());
            pair(o.putObject("goodput"), p.measuredGoodput(), p.predictedGoodput());
            pair(o.putObject("tokensPerUsd"), p.measuredTokensPerUsd(), p.predictedTokensPerUsd());
            pair(o.putObject("joulesPerToken"), p.measuredJoulesPerToken(), p.predictedJoulesPerToken());
            pair(o.putObject("verifyMs"), p.measuredRoundTripMs(), p.predictedVerifyMs());
        }
        ArrayNode best = n.putArray("perRtt");
        List<Double> rtts = r.rtts();
        for (double rtt : rtts) {
            ObjectNode o = best.addObject();
            o.put("rttMs", rtt);
            o.put("bestKMeasured", r.bestK(rtt, false));
            o.put("bestKPredicted", r.bestK(rtt, true));
            o.put("medianAbsGoodputError", r.medianGoodputError(rtt));
        }
        n.put("meanAbsGoodputError", r.meanGoodputError());
        ObjectNode models = n.putObject("models");
        models.put("draftSha256", draftSha256);
        models.put("targetSha256", targetSha256);
        n.set("provenance", provenance.toJson());
        return ProfileDocument.of(KIND, keys, n, created);
    }

    /** Every validation run of the store, oldest first. */
    public static List<StoredValidation> all(ProfileStore store) {
        return store.list(ProfileFilter.kind(KIND)).stream().map(ValidationDocuments::read).toList();
    }

    /** A stored validation document read back: its keys and per-(RTT, K) figures (null figures are NaN). */
    public static StoredValidation read(ProfileDocument d) {
        JsonNode n = d.tree();
        List<ValidationPoint> points = new ArrayList<>();
        for (JsonNode p : n.path("points")) {
            points.add(new ValidationPoint(p.path("rttMs").asDouble(), p.path("k").asInt(), p.path("rounds").asInt(),
                    num(p, "tokensPerRound", "measured"), num(p, "tokensPerRound", "predicted"),
                    num(p, "goodput", "measured"), num(p, "goodput", "predicted"), num(p, "verifyMs", "measured"),
                    num(p, "verifyMs", "predicted"), p.path("iidFallback").asBoolean(),
                    num(p, "tokensPerUsd", "measured"), num(p, "tokensPerUsd", "predicted"),
                    num(p, "joulesPerToken", "measured"), num(p, "joulesPerToken", "predicted")));
        }
        ProfileKeys k = d.keys();
        return new StoredValidation(k.device(), k.draft(), k.quant(), k.target(), String.valueOf(d.created()), points);
    }

    private static double num(JsonNode point, String figure, String which) {
        JsonNode v = point.path(figure).path(which);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static void pair(ObjectNode o, double measured, double predicted) {
        num(o, "measured", measured);
        num(o, "predicted", predicted);
    }

    /** JSON has no NaN: unknown is null. */
    private static void num(ObjectNode o, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }
}
