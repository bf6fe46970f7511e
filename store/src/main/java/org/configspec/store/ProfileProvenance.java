package org.configspec.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.configspec.core.error.ConfigSpecException;

/**
 * Where a stored profile comes from (how, with what, where, when). Empty strings and 0 where unknown; seed null where the
 * measurement used none.
 *
 * @param tool        tool and version that measured ("configspec 0.1.0 / llama.cpp 80fb11a")
 * @param modelSha256 sha256 of the model file (64 lower-case hex digits) or ""
 * @param quant       quantisation of the model file
 * @param device      device measured on
 * @param powerMethod "pmic", "hwmon", "rapl", "none", ...
 * @param threads     threads used, 0 where unknown
 * @param seed        random seed (prompt sampling, sampling decode), or null
 * @param date        ISO-8601 date or instant of the measurement
 * @param contention  why the machine was busy while measuring (load average, CPU steal, spread), "" when quiet or
 *                    unknown; a non-empty value flags the figures as suspect
 */
public record ProfileProvenance(String tool, String modelSha256, String quant, String device, String powerMethod,
                                int threads, Long seed, String date, String contention) {
    /** Without a contention judgement. */
    public ProfileProvenance(String tool, String modelSha256, String quant, String device, String powerMethod,
                             int threads, Long seed, String date) {
        this(tool, modelSha256, quant, device, powerMethod, threads, seed, date, "");
    }

    public ProfileProvenance {
        contention = contention == null ? "" : contention;
        tool = tool == null ? "" : tool;
        modelSha256 = modelSha256 == null ? "" : modelSha256;
        if (!modelSha256.isEmpty() && !modelSha256.matches("[0-9a-f]{64}")) {
            throw new ConfigSpecException("provenance.modelSha256 must be 64 lower-case hex digits, got '" + modelSha256 + "'");
        }
        quant = quant == null ? "" : quant;
        device = device == null ? "" : device;
        powerMethod = powerMethod == null ? "" : powerMethod;
        if (threads < 0) {
            throw new ConfigSpecException("provenance.threads must be >= 0, got " + threads);
        }
        date = date == null ? "" : date;
    }

    public ObjectNode toJson() {
        ObjectNode n = CanonicalJson.MAPPER.createObjectNode();
        n.put("tool", tool);
        n.put("modelSha256", modelSha256);
        n.put("quant", quant);
        n.put("device", device);
        n.put("powerMethod", powerMethod);
        n.put("threads", threads);
        if (seed != null) {
            n.put("seed", seed);
        }
        n.put("date", date);
        if (!contention.isEmpty()) {
            n.put("contention", contention);
        }
        return n;
    }

    /** True when the measurement was taken on a busy machine. */
    public boolean flagged() {
        return !contention.isEmpty();
    }

    static ProfileProvenance read(Fields f) {
        try {
            return new ProfileProvenance(f.string("tool", ""), f.string("modelSha256", ""), f.string("quant", ""),
                    f.string("device", ""), f.string("powerMethod", ""), (int) f.integer("threads", 0, 0, Integer.MAX_VALUE),
                    f.has("seed") ? f.integer("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE) : null, f.string("date", ""),
                    f.string("contention", ""));
        } catch (ConfigSpecException e) {
            if (e.getMessage().startsWith(f.where())) {
                throw e;
            }
            throw new ConfigSpecException(f.where() + ": " + e.getMessage(), e);
        }
    }
}
