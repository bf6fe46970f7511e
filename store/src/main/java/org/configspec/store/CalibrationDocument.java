package org.configspec.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.configspec.core.calibration.BatchTiming;
import org.configspec.core.calibration.CalibratedRange;
import org.configspec.core.calibration.PassCosts;
import org.configspec.core.calibration.ServiceTimeFit;
import org.configspec.core.error.ConfigSpecException;

/**
 * A stored document of kind "calibration": the verifier's service time per batch, fitted to measurements of the
 * real verifier ({@code configspec profile verifier}), with the measured shapes it was fitted to, how they were
 * measured and provenance. Self-describing: the model's formula is in the document, and the fit can be recomputed
 * from its shapes.
 *
 * @param target      the target model the verifier served
 * @param fit         the fitted coefficients, quality and covered range
 * @param shapes      the measured batch shapes (median seconds of {@code samples} batches each)
 * @param repetitions interleaved passes over the shapes
 * @param maxWaitMs   the verifier's max wait while a batch filled
 * @param maxSessions the verifier's session slots (its KV cache holds this many sequences)
 * @param partialBatches batches that held fewer sessions than their shape asked for (not in {@code shapes})
 * @param library     the inference library (version and file)
 * @param machine     where it ran (CPU, processors, OS)
 * @param provenance  tool, model sha256, quantisation, threads, date, contention
 * @param passes      what a batch in non-consecutive slots costs beyond the fit (more passes, padding), as the
 *                    verifier measured it when it started; null in documents written before it was recorded
 */
public record CalibrationDocument(String target, ServiceTimeFit fit, List<BatchTiming> shapes, int repetitions,
                                  double maxWaitMs, int maxSessions, int partialBatches, String library, String machine,
                                  ProfileProvenance provenance, PassCosts passes) {
    public static final String KIND = "calibration";
    /** The fitted formula, stated in every document. */
    public static final String MODEL = "seconds = fixedS + perTokenS * tokens + perSessionS * sessions;"
            + " tokens = sessions * (K + 1)";

    /** Without pass costs (a document written before they were recorded, or a verifier that has none). */
    public CalibrationDocument(String target, ServiceTimeFit fit, List<BatchTiming> shapes, int repetitions,
                               double maxWaitMs, int maxSessions, int partialBatches, String library, String machine,
                               ProfileProvenance provenance) {
        this(target, fit, shapes, repetitions, maxWaitMs, maxSessions, partialBatches, library, machine, provenance,
                null);
    }

    public CalibrationDocument {
        if (target == null || target.isBlank() || fit == null || shapes == null || shapes.isEmpty()) {
            throw new ConfigSpecException("calibration document needs a target, a fit and its measured shapes");
        }
        shapes = List.copyOf(shapes);
        library = library == null ? "" : library;
        machine = machine == null ? "" : machine;
        provenance = provenance == null ? new ProfileProvenance("", "", "", "", "", 0, null, "") : provenance;
    }

    public ProfileKeys keys() {
        return new ProfileKeys(provenance.device(), null, provenance.quant(), target);
    }

    public ObjectNode toJson() {
        ObjectNode n = CanonicalJson.MAPPER.createObjectNode();
        n.put("kind", KIND);
        n.put("target", target);
        n.put("model", MODEL);
        ObjectNode c = n.putObject("coefficients");
        c.put("fixedS", fit.fixedS());
        c.put("perTokenS", fit.perTokenS());
        c.put("perSessionS", fit.perSessionS());
        ObjectNode q = n.putObject("fit");
        q.put("method", "least squares of the relative residuals over the shapes (one point each), coefficients >= 0");
        q.put("r2", Double.isFinite(fit.r2()) ? fit.r2() : 0);
        q.put("rmsResidualS", fit.rmsResidualS());
        q.put("maxRelResidual", fit.maxRelResidual());
        ObjectNode r = n.putObject("range");
        r.put("minSessions", fit.range().minSessions());
        r.put("maxSessions", fit.range().maxSessions());
        r.put("minK", fit.range().minK());
        r.put("maxK", fit.range().maxK());
        ArrayNode a = n.putArray("shapes");
        for (BatchTiming b : shapes) {
            ObjectNode o = a.addObject();
            o.put("sessions", b.sessions());
            o.put("k", b.k());
            o.put("tokens", b.tokens());
            o.put("medianS", b.seconds());
            o.put("samples", b.samples());
            o.put("fittedS", fit.seconds(b.sessions(), b.tokens()));
        }
        if (passes != null) {
            ObjectNode ps = n.putObject("passes");
            ps.put("what", "a batch whose sessions are not in consecutive KV-cache slots: one more llama.cpp pass per"
                    + " gap left, or padding tokens (no logits) in the gap; measured by the verifier at start");
            ps.put("passS", passes.passS());
            ps.put("padTokenS", passes.padTokenS());
        }
        ObjectNode m = n.putObject("measurement");
        m.put("what", "llama decode and acceptance of one verify batch in serve's decode loop (VerifyResponse"
                + " timings.decodeMs), concurrent protocol clients on loopback");
        m.put("repetitions", repetitions);
        m.put("maxWaitMs", maxWaitMs);
        m.put("maxSessions", maxSessions);
        m.put("partialBatches", partialBatches);
        m.put("library", library);
        m.put("machine", machine);
        n.set("provenance", provenance.toJson());
        return n;
    }

    public ProfileDocument toDocument(Instant created) {
        return ProfileDocument.of(KIND, keys(), toJson(), created);
    }

    /** Parses a stored document of kind "calibration"; errors name the store and the document id. */
    public static CalibrationDocument parse(ProfileDocument d, String store) {
        return parse(d.tree(), "store " + store + " profile " + d.id());
    }

    /** The newest calibration in the store (for {@code target} when not null). */
    public static Optional<CalibrationDocument> latest(ProfileStore store, String target) {
        return store.list(ProfileFilter.kind(KIND)).stream()
                .filter(d -> target == null || target.equals(d.keys().target()))
                .max(Comparator.comparing(ProfileDocument::created).thenComparing(ProfileDocument::id))
                .map(d -> parse(d, store.location()));
    }

    /** Reads a file holding one calibration document (as {@code profile verifier --out} writes it). */
    public static CalibrationDocument read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigSpecException("--calibration " + file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(CanonicalJson.parse(text, "--calibration " + file), "--calibration " + file);
    }

    static CalibrationDocument parse(JsonNode tree, String where) {
        Fields f = new Fields(where, "", tree);
        try {
            String kind = f.string("kind");
            if (!KIND.equals(kind)) {
                throw f.error("kind", "is '" + kind + "'; a calibration document has kind '" + KIND + "'");
            }
            Fields c = f.object("coefficients");
            Fields q = f.object("fit");
            Fields r = f.object("range");
            CalibratedRange range = new CalibratedRange(count(r, "minSessions"), count(r, "maxSessions"),
                    count(r, "minK"), count(r, "maxK"));
            ServiceTimeFit fit = new ServiceTimeFit(seconds(c, "fixedS"), seconds(c, "perTokenS"),
                    seconds(c, "perSessionS"), q.number("r2", Double.NaN), q.number("rmsResidualS", Double.NaN),
                    q.number("maxRelResidual", Double.NaN), range);
            List<BatchTiming> shapes = new ArrayList<>();
            JsonNode arr = f.raw("shapes");
            if (!arr.isArray()) {
                throw f.error("shapes", "must be an array, got " + arr.getNodeType());
            }
            for (int i = 0; i < arr.size(); i++) {
                Fields s = new Fields(where, "shapes[" + i + "]", arr.get(i));
                shapes.add(new BatchTiming(count(s, "sessions"), count(s, "k"), seconds(s, "medianS"),
                        count(s, "samples")));
            }
            Fields m = f.object("measurement");
            ProfileProvenance prov = f.has("provenance") ? ProfileProvenance.read(f.object("provenance")) : null;
            PassCosts passes = null;
            if (f.has("passes")) {
                Fields ps = f.object("passes");
                double pad = seconds(ps, "padTokenS");
                if (pad <= 0) {
                    throw ps.error("padTokenS", "must be > 0 seconds, got " + pad);
                }
                passes = new PassCosts(seconds(ps, "passS"), pad);
            }
            return new CalibrationDocument(f.string("target"), fit, shapes, count(m, "repetitions"),
                    m.number("maxWaitMs", 0), count(m, "maxSessions"), count(m, "partialBatches"),
                    m.string("library", ""), m.string("machine", ""), prov, passes);
        } catch (ConfigSpecException e) {
            throw e.getMessage().contains(where) ? e : new ConfigSpecException(where + ": " + e.getMessage(), e);
        }
    }

    private static double seconds(Fields f, String field) {
        if (!f.has(field)) {
            throw f.error(field, "is missing");
        }
        double v = f.number(field, 0);
        if (v < 0) {
            throw f.error(field, "must be >= 0 seconds, got " + v);
        }
        return v;
    }

    private static int count(Fields f, String field) {
        if (!f.has(field)) {
            throw f.error(field, "is missing");
        }
        return (int) f.integer(field, 0, 0, 1_000_000);
    }

    /** One line: the formula with its coefficients, fit quality, range and where it was measured. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "calibrated on %s: %.4g ms + %.4g ms per token + %.4g ms per"
                        + " session (R² %.3f over %d shapes; %s; %s, %d threads, %s)", target, fit.fixedS() * 1e3,
                fit.perTokenS() * 1e3, fit.perSessionS() * 1e3, fit.r2(), shapes.size(), fit.range().describe(),
                provenance.date(), provenance.threads(), machine);
    }
}
