package org.configspec.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.model.VerifyTime;
import org.configspec.core.model.VerifyTimeFit;

/**
 * A stored document of kind "verify-time": the verification time of one target endpoint measured from one device,
 * fitted as T_v(K, context) = RTT + a + b·(K + 1) [+ c·context] ({@link VerifyTimeFit}), with the round trip measured
 * apart. {@code select/sweep/explain --store} use the newest one per target in place of the constant T_v. Shape in
 * {@code store-documents.md}.
 *
 * @param target      the target's name (the name its acceptance profiles carry)
 * @param device      the device the requests were sent from
 * @param rttS        median round trip of a request that does no target work [s]
 * @param fit         the fit of the timed verification-shaped requests
 * @param contexts    the context lengths timed [tokens]
 * @param kMax        K was timed at 0..kMax
 * @param repetitions timed repetitions of every (K, context)
 * @param request     what one verification-shaped request was (engine and shape)
 * @param remote      the endpoint measured
 * @param provenance  tool, device, date
 */
public record VerifyTimeDocument(String target, String device, double rttS, VerifyTimeFit fit, List<Integer> contexts,
                                 int kMax, int repetitions, String request, RemoteSource remote,
                                 ProfileProvenance provenance) {
    public static final String KIND = "verify-time";

    public VerifyTimeDocument {
        Check.name("verify-time target", target);
        Check.name("verify-time device", device);
        Check.nonNegative("verify-time rttS", rttS);
        Check.present("verify-time fit", fit);
        contexts = List.copyOf(contexts);
        if (contexts.isEmpty()) {
            throw new ConfigSpecException("verify-time document: no context lengths (allowed: at least one)");
        }
        Check.atLeast("verify-time kMax", kMax, 1);
        Check.atLeast("verify-time repetitions", repetitions, 1);
        request = request == null ? "" : request;
        Check.present("verify-time remote target", remote);
        Check.present("verify-time provenance", provenance);
    }

    public ProfileKeys keys() {
        return new ProfileKeys(device, null, null, target);
    }

    /** The model's T_v at {@code contextTokens}, naming this document as its source. */
    public VerifyTime verifyTime(String id, int contextTokens) {
        return fit.toVerifyTime(rttS, contextTokens, "measured: verify-time profile " + id + " (" + remote.api() + " "
                + remote.serverVersion() + ", " + remote.modelId() + ", from " + device + ", " + provenance.date()
                + ", n=" + fit.n() + ", rms residual " + String.format(java.util.Locale.ROOT, "%.3g", fit.rmsResidualS())
                + " s)");
    }

    public ObjectNode toJson() {
        ObjectNode n = CanonicalJson.MAPPER.createObjectNode();
        n.put("kind", KIND);
        n.put("target", target);
        n.put("device", device);
        n.put("rttS", rttS);
        ObjectNode f = n.putObject("fit");
        f.put("interceptS", fit.intercept());
        f.put("perTokenS", fit.perTokenS());
        f.put("perContextTokenS", fit.perContextTokenS());
        f.put("withContext", fit.withContext());
        f.put("n", fit.n());
        f.put("rmsResidualS", fit.rmsResidualS());
        f.put("maxResidualS", fit.maxResidualS());
        if (!Double.isNaN(fit.rSquared())) {
            f.put("rSquared", fit.rSquared());
        }
        ArrayNode c = n.putArray("contexts");
        contexts.forEach(c::add);
        n.put("kMax", kMax);
        n.put("repetitions", repetitions);
        n.put("request", request);
        n.set("remoteTarget", remote.toJson());
        n.set("provenance", provenance.toJson());
        return n;
    }

    public ProfileDocument toDocument(Instant created) {
        return ProfileDocument.of(KIND, keys(), toJson(), created);
    }

    /** Parses a stored document of kind "verify-time"; errors name the store and document id. */
    public static VerifyTimeDocument parse(ProfileDocument d, String store) {
        return parseAt(d, "store " + store + " profile " + d.id());
    }

    /** Parses a stored document of this kind; {@code where} starts every error. */
    static VerifyTimeDocument parseAt(ProfileDocument d, String where) {
        Fields f = new Fields(where, "", d.tree());
        try {
            Fields fit = f.object("fit");
            List<Integer> contexts = new ArrayList<>();
            f.raw("contexts").forEach(x -> contexts.add(x.asInt()));
            VerifyTimeFit vf = new VerifyTimeFit(fit.number("interceptS", Double.NaN), fit.number("perTokenS",
                    Double.NaN), fit.number("perContextTokenS", 0), fit.raw("withContext").asBoolean(),
                    (int) fit.integer("n", 0, 1, Integer.MAX_VALUE), fit.number("rmsResidualS", Double.NaN),
                    fit.number("maxResidualS", Double.NaN), fit.number("rSquared", Double.NaN));
            if (Double.isNaN(vf.intercept()) || Double.isNaN(vf.perTokenS())) {
                throw fit.error("interceptS", "and perTokenS must be numbers");
            }
            return new VerifyTimeDocument(f.string("target"), f.string("device"), f.number("rttS", 0), vf, contexts,
                    (int) f.integer("kMax", 16, 1, 4096), (int) f.integer("repetitions", 1, 1, Integer.MAX_VALUE),
                    f.string("request", ""), RemoteSource.read(f.object("remoteTarget")),
                    ProfileProvenance.read(f.object("provenance")));
        } catch (ConfigSpecException e) {
            throw e.getMessage().contains(where) ? e : new ConfigSpecException(where + ": " + e.getMessage(), e);
        }
    }

    /** The newest verify-time profile of each target in {@code store}, with its document id (target → id, doc). */
    public static Map<String, Map.Entry<String, VerifyTimeDocument>> newestPerTarget(ProfileStore store) {
        Map<String, Map.Entry<String, VerifyTimeDocument>> out = new LinkedHashMap<>();
        for (ProfileDocument d : store.list(ProfileFilter.kind(KIND))) {
            VerifyTimeDocument v = parse(d, store.location());
            out.put(v.target(), Map.entry(d.id(), v));
        }
        return out;
    }
}
