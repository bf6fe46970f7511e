package org.configspec.cli.gen;

import picocli.CommandLine.Command;

/** {@code configspec bench}: measurements of the inference runtime. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks of the inference runtime.",
        subcommands = {BenchDecodeCommand.class})
public final class BenchCommand {
}
