package org.configspec.cli.options;

import picocli.CommandLine.Option;

/** --target --device --draft [--quant]: one configuration of a catalog, as explain and simulate name it. */
public final class ConfigurationOptions {
    @Option(names = "--target", required = true, paramLabel = "NAME", description = "Target model.")
    String target;

    @Option(names = "--device", required = true, paramLabel = "NAME", description = "Edge device.")
    String device;

    @Option(names = "--draft", required = true, paramLabel = "NAME", description = "Draft model.")
    String draft;

    @Option(names = "--quant", paramLabel = "QUANT", description = "Quantisation (needed when the draft has several).")
    String quant;

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
