package org.configspec.cli.models;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.configspec.llm.gguf.GgufFile;
import org.configspec.llm.gguf.GgufReader;
import org.configspec.llm.gguf.GgufValue;
import org.configspec.llm.model.ModelInfo;
import org.configspec.llm.model.ModelInspector;
import org.configspec.llm.model.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code configspec models inspect MODEL}: metadata of a GGUF, read and validated in Java. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a model's metadata: architecture, parameters, file size, sha256, file type, context, vocab.")
public final class ModelsInspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "a default model name or a GGUF path")
    String model;

    @Option(names = "--metadata", description = "also print every GGUF metadata key")
    boolean metadata;

    @Override
    public Integer call() {
        return LlmCommands.run(spec, () -> {
            ModelInfo i = ModelInspector.inspect(ModelStore.defaultStore().resolve(model));
            PrintWriter out = spec.commandLine().getOut();
            out.println("path:            " + i.path());
            out.println("name:            " + i.name());
            out.println("architecture:    " + i.architecture());
            out.println("parameters:      " + i.parameterCount());
            out.println("file_size_bytes: " + i.fileSize());
            out.println("sha256:          " + i.sha256());
            out.println("file_type:       " + i.fileType());
            out.println("context_length:  " + i.contextLength());
            out.println("vocab_size:      " + i.vocabSize());
            out.println("block_count:     " + i.blockCount());
            if (metadata) {
                GgufFile f = GgufReader.read(i.path());
                out.println("gguf_version:    " + f.version());
                out.println("tensors:         " + f.tensors().size());
                for (Map.Entry<String, GgufValue> e : f.metadata().entrySet()) {
                    out.println("  " + e.getKey() + " = " + e.getValue());
                }
            }
            out.flush();
            return 0;
        });
    }
}
