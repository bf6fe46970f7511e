package org.configspec.cli.models;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.configspec.llm.convert.QuantType;
import org.configspec.llm.convert.Quantizer;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.model.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code configspec models quantize}: quantise a GGUF through llama.cpp. */
@Command(name = "quantize", mixinStandardHelpOptions = true,
        description = "Quantise a GGUF through llama.cpp (F16, Q8_0, Q4_0, Q4_K_M, Q6_K).")
public final class ModelsQuantizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--model"}, required = true, description = "a default model name or a GGUF path")
    String model;

    @Option(names = "--type", required = true, description = "F16, Q8_0, Q4_0, Q4_K_M or Q6_K")
    String type;

    @Option(names = {"-o", "--output"}, required = true, description = "GGUF file to write")
    Path output;

    @Option(names = {"-t", "--threads"}, description = "threads (default: available processors, at most 4)")
    Integer threads;

    @Override
    public Integer call() {
        return LlmCommands.run(spec, () -> {
            QuantType q = QuantType.parse(type);
            int t = threads == null ? ContextOptions.defaultThreads() : threads;
            if (t < 1 || t > 256) {
                throw LlmCommands.badValue("--threads", t, "1..256");
            }
            Quantizer.quantize(ModelStore.defaultStore().resolve(model), output, q, t);
            spec.commandLine().getOut().println(output.toAbsolutePath());
            spec.commandLine().getOut().flush();
            return 0;
        });
    }
}
