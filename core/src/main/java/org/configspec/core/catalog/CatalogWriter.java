package org.configspec.core.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.configspec.core.acceptance.AcceptanceProfile;
import org.configspec.core.domain.Device;
import org.configspec.core.domain.DraftModel;
import org.configspec.core.domain.Target;
import org.configspec.core.json.MachineJson;
import org.configspec.core.profile.DraftProfile;
import org.configspec.core.profile.Provenance;
import org.configspec.core.stats.Interval;
import org.configspec.core.stats.Measured;

/**
 * Writes a catalog in format version {@value CatalogReader#VERSION}, which {@link CatalogReader} reads; reading what
 * this writes gives an equal catalog (numbers are written losslessly: see {@link MachineJson#data()}).
 */
public final class CatalogWriter {

    private CatalogWriter() {
    }

    public static String toJson(Catalog c) {
        return MachineJson.write(MachineJson.data(), toTree(c)) + "\n";
    }

    public static ObjectNode toTree(Catalog c) {
        ObjectNode root = MachineJson.object();
        root.put("format", CatalogReader.FORMAT);
        root.put("version", CatalogReader.VERSION);
        root.put("name", c.name());
        putText(root, "description", c.description());
        putText(root, "source", c.source());
        ArrayNode devices = root.putArray("devices");
        for (Device d : c.devices()) {
            ObjectNode n = devices.addObject();
            n.put("name", d.name());
            if (d.memoryBytes() > 0) {
                n.put("memoryBytes", d.memoryBytes());
            }
            putNumber(n, "idlePowerW", d.idlePowerW());
            putText(n, "note", d.note());
        }
        ArrayNode drafts = root.putArray("drafts");
        for (DraftModel m : c.drafts()) {
            ObjectNode n = drafts.addObject();
            n.put("name", m.name());
            putText(n, "family", m.family());
            n.put("paramsB", m.paramsB());
            putText(n, "variant", m.variant());
            n.put("quant", m.quant());
            if (m.fileBytes() > 0) {
                n.put("fileBytes", m.fileBytes());
            }
            putText(n, "hfId", m.hfId());
        }
        ArrayNode targets = root.putArray("targets");
        for (Target t : c.targets()) {
            ObjectNode n = targets.addObject();
            n.put("name", t.name());
            putText(n, "family", t.family());
            putText(n, "hfId", t.hfId());
            ObjectNode p = n.putObject("price");
            p.put("outputPerMTok", t.price().outputPerMTok());
            putNumber(p, "inputPerMTok", t.price().inputPerMTok());
            putNumber(p, "cachedInputPerMTok", t.price().cachedInputPerMTok());
            putNumber(p, "gpuPerHour", t.price().gpuPerHour());
            p.put("currency", "USD");
            putText(p, "asOf", t.price().asOf());
            putText(p, "source", t.price().source());
        }
        ArrayNode acceptance = root.putArray("acceptance");
        for (AcceptanceProfile a : c.acceptance()) {
            acceptance.add(acceptance(a));
        }
        ArrayNode profiles = root.putArray("draftProfiles");
        for (DraftProfile p : c.draftProfiles()) {
            profiles.add(draftProfile(p));
        }
        return root;
    }

    /** One acceptance profile as it appears in a catalog's "acceptance" array. */
    public static ObjectNode acceptance(AcceptanceProfile a) {
        ObjectNode n = MachineJson.object();
        n.put("draft", a.draft());
        putText(n, "quant", a.quant());
        n.put("target", a.target());
        if (!a.alphaByK().isEmpty()) {
            ArrayNode alpha = n.putArray("alpha");
            a.alphaByK().forEach((k, s) -> {
                ObjectNode row = alpha.addObject();
                row.put("k", k);
                putMeasured(row, s);
            });
        }
        if (a.hasPerPosition()) {
            ArrayNode pp = n.putArray("perPosition");
            for (double v : a.survival()) {
                pp.add(v);
            }
        }
        putText(n, "source", a.source());
        return n;
    }

    /** One draft profile as it appears in a catalog's "draftProfiles" array. */
    public static ObjectNode draftProfile(DraftProfile p) {
        ObjectNode n = MachineJson.object();
        n.put("device", p.device());
        n.put("draft", p.draft());
        n.put("quant", p.quant());
        putMeasured(n.putObject("tokPerS"), p.tokPerS());
        if (p.powerKnown()) {
            putMeasured(n.putObject("powerW"), p.powerW());
        }
        if (p.peakMemoryBytes() > 0) {
            n.put("peakMemoryBytes", p.peakMemoryBytes());
        }
        Provenance v = p.provenance();
        ObjectNode pv = n.putObject("provenance");
        putText(pv, "source", v.source());
        putText(pv, "tool", v.tool());
        putText(pv, "modelSha256", v.modelSha256());
        putText(pv, "powerMethod", v.powerMethod());
        if (v.threads() > 0) {
            pv.put("threads", v.threads());
        }
        putText(pv, "date", v.date());
        return n;
    }

    /** A measured quantity in format version 2: value, aggregation, unit, interval (when any), std, min, max, n. */
    public static ObjectNode putMeasured(ObjectNode n, Measured s) {
        n.put("value", s.value());
        n.put("aggregation", s.aggregation().label());
        n.put("unit", s.unit());
        if (!Interval.NONE.equals(s.interval())) {
            ObjectNode i = n.putObject("interval");
            putNumber(i, "low", s.interval().low());
            putNumber(i, "high", s.interval().high());
            i.put("level", s.interval().level());
            putText(i, "method", s.interval().method());
        }
        putNumber(n, "std", s.std());
        putNumber(n, "min", s.min());
        putNumber(n, "max", s.max());
        if (s.n() > 0) {
            n.put("n", s.n());
        }
        return n;
    }

    private static void putNumber(ObjectNode n, String field, double v) {
        if (!Double.isNaN(v)) {
            n.put(field, v);
        }
    }

    private static void putText(ObjectNode n, String field, String v) {
        if (v != null && !v.isEmpty()) {
            n.put(field, v);
        }
    }
}
