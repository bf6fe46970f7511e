package org.configspec.cli.models;

import picocli.CommandLine.Command;

/** {@code configspec models}: prepares and describes model files. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Prepare and describe models (the default stories15M family or your own GGUF files).",
        subcommands = {ModelsFetchCommand.class, ModelsListCommand.class, ModelsInspectCommand.class,
            ModelsConvertCommand.class, ModelsQuantizeCommand.class, ModelsTruncateCommand.class})
public final class ModelsCommand {
}
