package org.configspec.profile.draft;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.profile.DraftProfile;
import org.configspec.core.profile.Provenance;
import org.configspec.core.stats.Measured;

/**
 * Everything measured about drafting with one model on one host: load time, prefill speed, decode speed per context
 * depth, time to draft K tokens per K, memory, optional power, and where the numbers come from. Produced by
 * {@link DraftBench} (measured here) or {@link LlamaBenchImport} (llama-bench output); condensed to a core
 * {@link DraftProfile} by {@link #toProfile(String)}.
 *
 * @param source      what produced it, e.g. {@code configspec profile draft} or {@code llama-bench file bench.json}
 * @param date        ISO-8601 UTC time of the measurement
 * @param model       the model measured
 * @param host        CPU, runtime and tool
 * @param harness     warm-up, repetitions, threads, context
 * @param loadSeconds model load time in s (null when not measured, e.g. llama-bench imports)
 * @param prefill     prefill speeds (may be empty)
 * @param decode      decode speeds by depth, ascending depth (may be empty for a prefill-only import)
 * @param draftCost   time to draft K tokens, ascending K (empty for llama-bench imports)
 * @param memory      memory figures (process-wide RSS)
 * @param powerW      device power in W while drafting at the smallest depth, or null where unknown
 * @param powerMethod how power was measured, empty when {@code powerW} is null
 * @param notes       caveats a reader must see (one line each)
 */
public record DraftMeasurement(String source, String date, ModelIdentity model, HostInfo host, Harness harness,
                               Measured loadSeconds, List<PrefillRate> prefill, List<DecodeRate> decode,
                               List<DraftCost> draftCost, MemoryUse memory, Measured powerW, String powerMethod,
                               List<String> notes) {
    public DraftMeasurement {
        Check.name("source", source);
        date = date == null ? "" : date;
        Check.present("model", model);
        Check.present("host", host);
        Check.present("harness", harness);
        prefill = prefill == null ? List.of() : List.copyOf(prefill);
        decode = decode == null ? List.of()
                : decode.stream().sorted(Comparator.comparingInt(DecodeRate::depthTokens)).toList();
        draftCost = draftCost == null ? List.of()
                : draftCost.stream().sorted(Comparator.comparingInt(DraftCost::k)).toList();
        memory = memory == null ? new MemoryUse(0, 0, 0, 0) : memory;
        powerMethod = powerMethod == null ? "" : powerMethod;
        notes = notes == null ? List.of() : List.copyOf(notes);
        if (loadSeconds != null && !"s".equals(loadSeconds.unit())) {
            throw new ConfigSpecException("load time unit must be s, got " + loadSeconds.unit());
        }
        if (powerW != null && !"W".equals(powerW.unit())) {
            throw new ConfigSpecException("power unit must be W, got " + powerW.unit());
        }
        if (decode.isEmpty() && prefill.isEmpty()) {
            throw new ConfigSpecException("drafting measurement of " + model.name() + " from " + source
                    + " has neither decode nor prefill figures");
        }
    }

    /** Decode speed at the smallest measured depth (the figure that becomes {@link DraftProfile#tokPerS()}). */
    public Optional<DecodeRate> headlineDecode() {
        return decode.stream().findFirst();
    }

    /**
     * The core profile on {@code device}: {@code tokPerS} is the decode tok/s at the smallest measured context depth
     * (0 by default, as llama-bench {@code tg} and the paper's drafting speeds) as measured: a median with its
     * order-statistic interval, or llama-bench's mean ± stddev where it gave no samples; {@code powerW} the median W
     * when a meter ran, else null; {@code peakMemoryBytes} the process-wide peak RSS (VmHWM), else the model size;
     * provenance names source, tool and runtime, model sha256, power method, threads and date.
     */
    public DraftProfile toProfile(String device) {
        Check.name("device", device);
        DecodeRate d = headlineDecode().orElseThrow(() -> new ConfigSpecException("cannot make a draft profile of "
                + model.name() + " from " + source + ": no decode (tg) figures, only prefill; allowed: a measurement"
                + " with at least one decode depth"));
        long peak = memory.peakRssBytes() > 0 ? memory.peakRssBytes() : memory.modelFileBytes();
        String tool = host.tool() + "; " + host.runtime() + "; decode tok/s " + d.tokPerS().aggregation().label()
                + " at depth " + d.depthTokens()
                + " over " + d.tokPerS().n() + " reps of " + d.tokensPerRep() + " tokens";
        Provenance p = new Provenance(source, tool, model.sha256(), powerW == null ? "" : powerMethod,
                harness.threads(), date);
        return new DraftProfile(device, model.name(), model.quant(), d.tokPerS(),
                powerW, peak, p);
    }
}
