package org.configspec.cli.models;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.configspec.llm.convert.Llama2cConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code configspec models convert}: llama2.c checkpoint + tokenizer.bin to an F32 GGUF. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a llama2.c float32 checkpoint and its tokenizer.bin into an F32 GGUF (llama).")
public final class ModelsConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", required = true, description = "llama2.c checkpoint (.bin)")
    Path checkpoint;

    @Option(names = "--tokenizer", required = true, description = "llama2.c tokenizer.bin")
    Path tokenizer;

    @Option(names = {"-o", "--output"}, required = true, description = "GGUF file to write")
    Path output;

    @Option(names = "--name", defaultValue = "llama2c", description = "general.name")
    String name;

    @Override
    public Integer call() {
        return LlmCommands.run(spec, () -> {
            Llama2cConverter.convert(checkpoint, tokenizer, output, name);
            spec.commandLine().getOut().println(output.toAbsolutePath());
            spec.commandLine().getOut().flush();
            return 0;
        });
    }
}
