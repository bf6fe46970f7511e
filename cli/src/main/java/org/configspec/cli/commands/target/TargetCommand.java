package org.configspec.cli.commands.target;

import picocli.CommandLine.Command;

/** configspec target: the target model on a serving engine (llama-server, vLLM, SGLang, OpenAI-compatible). */
@Command(name = "target", mixinStandardHelpOptions = true,
        description = "The target on your serving engine (llama-server, vLLM, SGLang or an OpenAI-compatible API): "
                + "probe what it can do.",
        subcommands = {ProbeCommand.class})
public final class TargetCommand {
}
