package org.configspec.cli.models;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code configspec models}: prepares and describes model files. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Prepare and describe models (the default stories15M family or your own GGUF files).",
        subcommands = {ModelsFetchCommand.class, ModelsListCommand.class, ModelsInspectCommand.class,
            ModelsConvertCommand.class, ModelsQuantizeCommand.class, ModelsTruncateCommand.class})
public final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("configspec models: a subcommand is required: fetch, list, inspect, "
                + "convert, quantize, truncate (see 'configspec models --help')");
        return LlmCommands.USER_ERROR;
    }
}
