package org.configspec.cli.gen;

import java.util.concurrent.Callable;
import org.configspec.cli.models.LlmCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code configspec bench}: measurements of the inference runtime. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks of the inference runtime.",
        subcommands = {BenchDecodeCommand.class})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("configspec bench: a subcommand is required: decode "
                + "(see 'configspec bench --help')");
        return LlmCommands.USER_ERROR;
    }
}
