package org.configspec.cli.options;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * --target --device --draft [--quant]: one configuration of a catalog, as explain and simulate name it. --device and
 * --draft are checked by {@link #require} (simulate --mix names its configurations itself).
 */
public final class ConfigurationOptions {
    @Option(names = "--target", required = true, paramLabel = "NAME", description = "Target model.")
    String target;

    @Option(names = "--device", paramLabel = "NAME", description = "Edge device.")
    String device;

    @Option(names = "--draft", paramLabel = "NAME", description = "Draft model.")
    String draft;

    @Option(names = "--quant", paramLabel = "QUANT", description = "Quantisation (needed when the draft has several).")
    String quant;

    /** Fails as picocli fails on a missing required option when --device or --draft is missing. */
    public void require(CommandLine.Model.CommandSpec spec) {
        List<String> missing = new ArrayList<>();
        if (device == null) {
            missing.add("'--device=NAME'");
        }
        if (draft == null) {
            missing.add("'--draft=NAME'");
        }
        if (!missing.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option"
                    + (missing.size() > 1 ? "s" : "") + ": " + String.join(", ", missing));
        }
    }

    public String target() {
        return target;
    }

    public String device() {
        return device;
    }

    public String draft() {
        return draft;
    }

    /** The quantisation given, or null (then the draft's only one). */
    public String quant() {
        return quant;
    }
}
