package org.configspec.profile.draft;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.configspec.core.catalog.CatalogWriter;
import org.configspec.core.json.MachineJson;
import org.configspec.core.stats.Measured;

/**
 * Writers of {@link DraftMeasurement}s: a text table per model and a JSON document ({@code format}
 * {@code configspec-draft-measurements}, {@code version} 1: each measurement in full, plus its core draft profile as a
 * catalog writes it). Numbers follow {@link MachineJson#report()}: 10 significant digits, unknown (NaN) as null;
 * the embedded profile is catalog data, written losslessly. Stateless.
 */
public final class DraftReport {
    public static final String FORMAT = "configspec-draft-measurements";
    public static final int VERSION = 1;

    private DraftReport() { }

    /**
     * One table per measurement: identity, host, harness, then one row per figure, then memory, power and notes.
     * {@code device} names the device (null: each measurement's CPU model).
     */
    public static void table(PrintWriter out, List<DraftMeasurement> ms, String device) {
        for (int i = 0; i < ms.size(); i++) {
            if (i > 0) {
                out.println();
            }
            table(out, ms.get(i), device);
        }
        out.flush();
    }

    static void table(PrintWriter out, DraftMeasurement m, String deviceOrNull) {
        String device = deviceOf(m, deviceOrNull);
        ModelIdentity id = m.model();
        out.printf(Locale.ROOT, "# %s: %s, %s, %s parameters, sha256 %s%n", id.name(), id.quant(),
                id.architecture().isEmpty() ? "architecture unknown" : id.architecture(),
                id.parameters() > 0 ? String.format(Locale.ROOT, "%.1f M", id.parameters() / 1e6) : "unknown",
                id.sha256().isEmpty() ? "unknown" : id.sha256());
        out.printf("# file: %s%n", id.path().isEmpty() ? "unknown" : id.path());
        out.printf("# device: %s; CPU: %s; runtime: %s%s; tool: %s; date: %s%n", device, m.host().cpuModel(),
                m.host().runtime(), m.host().runtimeLibrary().isEmpty() ? "" : " (" + m.host().runtimeLibrary() + ")",
                m.host().tool(), m.date().isEmpty() ? "unknown" : m.date());
        Harness h = m.harness();
        out.printf(Locale.ROOT, "# harness: %s warm-up, %d repetitions, %d threads, context %s, flash attention %s,"
                        + " KV %s; VALUE = median of the repetitions, CI = order-statistic interval of the median at"
                        + " level CI_LEVEL (mean ± std where AGG says mean)%n",
                h.warmup() < 0 ? "unknown" : Integer.toString(h.warmup()), h.reps(), h.threads(),
                h.contextSize() > 0 ? Integer.toString(h.contextSize()) : "unknown",
                h.flashAttention().isEmpty() ? "unknown" : h.flashAttention(),
                h.kvCacheType().isEmpty() ? "unknown" : h.kvCacheType());
        String fmt = "%-34s %-6s %12s %12s %12s %8s %4s  %s%n";
        out.printf(fmt, "METRIC", "AGG", "VALUE", "CI_LOW", "CI_HIGH", "CI_LEVEL", "N", "UNIT");
        if (m.loadSeconds() != null) {
            row(out, fmt, "load time", m.loadSeconds());
        }
        for (PrefillRate p : m.prefill()) {
            row(out, fmt, "prefill " + p.promptTokens() + " tok @ depth " + p.depthTokens(), p.tokPerS());
        }
        for (DecodeRate d : m.decode()) {
            row(out, fmt, "decode @ depth " + d.depthTokens() + " (" + d.tokensPerRep() + " tok/rep)", d.tokPerS());
        }
        for (DraftCost c : m.draftCost()) {
            row(out, fmt, "time to draft K=" + c.k() + " (prefix " + c.prefixTokens() + ")", c.millis());
        }
        if (m.powerW() != null) {
            row(out, fmt, "power while decoding @ smallest depth", m.powerW());
        }
        MemoryUse mem = m.memory();
        if (mem.rssAfterLoadBytes() == 0 && mem.peakRssBytes() == 0) {
            out.printf("# memory: model %s; RSS not measured%n", bytes(mem.modelFileBytes()));
        } else {
            out.printf(Locale.ROOT, "# memory: model %s; RSS before load %s, after %s (+%s); peak RSS (VmHWM) %s;"
                            + " RSS is process-wide%n", bytes(mem.modelFileBytes()), bytes(mem.rssBeforeLoadBytes()),
                    bytes(mem.rssAfterLoadBytes()), bytes(mem.loadDeltaBytes()), bytes(mem.peakRssBytes()));
        }
        out.printf("# power: %s%n", m.powerW() == null ? "unknown (no power meter)" : "measured by " + m.powerMethod());
        out.printf("# profile: draft tok/s = median decode tok/s at depth %s%n",
                m.headlineDecode().map(d -> Integer.toString(d.depthTokens())).orElse("- (no decode figures)"));
        for (String n : m.notes()) {
            out.println("# note: " + n);
        }
    }

    private static void row(PrintWriter out, String fmt, String metric, Measured v) {
        out.printf(Locale.ROOT, fmt, metric, v.aggregation().label(), num(v.value()), num(v.interval().low()), num(v.interval().high()),
                v.hasInterval() ? String.format(Locale.ROOT, "%.1f%%", 100 * v.interval().level()) : "-",
                v.n() > 0 ? Integer.toString(v.n()) : "?", v.unit());
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 1000 ? "%.1f" : a >= 1 ? "%.3f" : "%.4f", v);
    }

    static String bytes(long b) {
        return b <= 0 ? "unknown" : String.format(Locale.ROOT, "%d B (%.1f MiB)", b, b / 1048576.0);
    }

    /** The device name: {@code device} when given, else the measurement's CPU model. */
    public static String deviceOf(DraftMeasurement m, String device) {
        return device == null || device.isBlank() ? m.host().cpuModel() : device;
    }

    /**
     * The JSON document; {@code device} names the device of the draft profiles (null: each measurement's CPU model).
     * A measurement without decode figures (a prefill-only import) has no profile.
     */
    public static String json(List<DraftMeasurement> ms, String device) {
        ObjectNode root = MachineJson.object();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode arr = root.putArray("measurements");
        for (DraftMeasurement m : ms) {
            ObjectNode n = MachineJson.reportTree(m);
            if (m.headlineDecode().isPresent()) {
                n.set("profile", CatalogWriter.draftProfile(m.toProfile(deviceOf(m, device))));
            }
            arr.add(n);
        }
        return MachineJson.write(MachineJson.report(), root) + "\n";
    }
}
