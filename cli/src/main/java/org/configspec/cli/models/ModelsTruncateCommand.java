package org.configspec.cli.models;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.configspec.llm.convert.LayerTruncator;
import org.configspec.llm.model.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code configspec models truncate}: a layer-truncated draft (first N blocks). */
@Command(name = "truncate", mixinStandardHelpOptions = true,
        description = "Write a draft that keeps only the first N transformer blocks of a GGUF.")
public final class ModelsTruncateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--model"}, required = true, description = "a default model name or a GGUF path")
    String model;

    @Option(names = "--layers", required = true, description = "blocks to keep (1..block_count)")
    int layers;

    @Option(names = {"-o", "--output"}, required = true, description = "GGUF file to write")
    Path output;

    @Override
    public Integer call() {
        return LlmCommands.run(spec, () -> {
            LayerTruncator.truncate(ModelStore.defaultStore().resolve(model), output, layers, null);
            spec.commandLine().getOut().println(output.toAbsolutePath());
            spec.commandLine().getOut().flush();
            return 0;
        });
    }
}
