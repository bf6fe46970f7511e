package org.configspec.cli.commands.profile;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.configspec.cli.options.TableOrJson;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.model.ModelStore;
import org.configspec.profile.draft.DraftBench;
import org.configspec.profile.draft.DraftBenchSettings;
import org.configspec.profile.draft.DraftMeasurement;
import org.configspec.profile.draft.DraftReport;
import org.configspec.profile.draft.EnergyProbe;
import org.configspec.profile.draft.LlamaBenchImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec profile draft}: drafting throughput of GGUF models on this device (load time, prefill tok/s, decode
 * tok/s per context depth, time to draft K, memory, provenance), measured through llama.cpp, and/or imported from
 * llama-bench JSON / JSONL output. Progress goes to stderr, results to stdout. Exit 0 on success, 2 on a user error.
 */
@Command(name = "draft", mixinStandardHelpOptions = true,
        description = "Drafting throughput per model: load time, prefill and decode tok/s per context depth, time to"
                + " draft K tokens, memory and provenance (median [order-statistic CI], n); or import llama-bench output.")
public final class DraftCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "M", showDefaultValue = Visibility.NEVER,
            description = "model to measure: a default model name (stories15M-f32, -f16, -q8_0, -q4_0, -q8_0-l5,"
                    + " -q8_0-l4) or a GGUF path; repeatable")
    List<String> models = new ArrayList<>();

    @Option(names = "--device", paramLabel = "NAME",
            description = "device name for the draft profiles (default: the CPU model)")
    String device;

    @Option(names = "--depths", split = ",", paramLabel = "D,...", defaultValue = "0,128,512",
            description = "context depths in tokens for decode speed")
    List<Integer> depths;

    @Option(names = "--k-max", defaultValue = "8",
            description = "time to draft K for K = 1..k-max, 1..64")
    int kMax;

    @Option(names = "--reps", defaultValue = "5", description = "timed repetitions, 1..1000")
    int reps;

    @Option(names = "--warmup", defaultValue = "1",
            description = "untimed warm-up repetitions before each series, 0..100")
    int warmup;

    @Option(names = "--threads", defaultValue = "2", description = "CPU threads, 1..256")
    int threads;

    @Option(names = "--decode-tokens", defaultValue = "32",
            description = "single-token decode steps timed per repetition, 1..4096")
    int decodeTokens;

    @Option(names = "--prefill-tokens", defaultValue = "64",
            description = "tokens of the timed prefill batch, 1..8192")
    int prefillTokens;

    @Option(names = "--draft-prefix", defaultValue = "16",
            description = "committed tokens before drafting K, 1..4096")
    int draftPrefix;

    @Option(names = "--import-llama-bench", paramLabel = "FILE",
            description = "llama-bench output to import (-o json or -o jsonl); repeatable")
    List<Path> imports = new ArrayList<>();

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "output format: table or json")
    TableOrJson format;

    @Override
    public Integer call() {
        if (models.isEmpty() && imports.isEmpty()) {
            throw new ConfigSpecException("nothing to profile: give --model M (a default model name or a GGUF path)"
                    + " and/or --import-llama-bench FILE");
        }
        if (device != null && device.isBlank()) {
            throw new ConfigSpecException("--device = '" + device + "': allowed a non-empty device name");
        }
        PrintWriter err = spec.commandLine().getErr();
        List<DraftMeasurement> out = new ArrayList<>();
        for (Path p : imports) {
            err.println("configspec profile draft: importing " + p);
            err.flush();
            out.addAll(LlamaBenchImport.read(p));
        }
        if (!models.isEmpty()) {
            DraftBenchSettings s = new DraftBenchSettings(depths, decodeTokens, prefillTokens, kMax, draftPrefix,
                    warmup, reps, threads);
            DraftBench bench = new DraftBench(ModelStore.defaultStore(), EnergyProbe.none(), msg -> {
                err.println("configspec profile draft: " + msg);
                err.flush();
            });
            for (String m : models) {
                out.add(bench.measure(m, s));
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        if (format == TableOrJson.JSON) {
            o.print(DraftReport.json(out, device));
        } else {
            DraftReport.table(o, out, device);
        }
        o.flush();
        return 0;
    }
}
