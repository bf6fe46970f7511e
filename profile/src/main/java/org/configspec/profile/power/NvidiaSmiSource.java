package org.configspec.profile.power;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.configspec.core.error.ConfigSpecException;

/**
 * NVIDIA discrete GPU board power via {@code nvidia-smi --query-gpu=power.draw --format=csv,noheader,nounits}: one
 * line per GPU in W, summed. GPU board power only (not CPU or the rest of the system); not available on Jetson.
 */
public final class NvidiaSmiSource implements PowerSource {
    public static final List<String> DEFAULT_COMMAND =
            List.of("nvidia-smi", "--query-gpu=power.draw", "--format=csv,noheader,nounits");

    private final CommandRunner runner;
    private final List<String> command;
    private final MeterInfo info;

    public NvidiaSmiSource(CommandRunner runner, List<String> command) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.command = List.copyOf(command);
        List<Double> gpus = readGpus();
        List<String> rails = new ArrayList<>();
        for (int i = 0; i < gpus.size(); i++) {
            rails.add("GPU" + i);
        }
        this.info = new MeterInfo("nvidia-smi", "NVIDIA GPU power.draw (W) per GPU via '" + String.join(" ", command)
                + "', summed over " + gpus.size() + " GPU(s)", rails, false,
                "GPU board power only; the driver averages power.draw over its own window");
    }

    /** Watts per GPU, parsed from the command's output. */
    public static List<Double> parse(String output, String where) {
        List<Double> watts = new ArrayList<>();
        for (String line : output.split("\\R")) {
            String t = line.trim();
            if (t.isEmpty()) {
                continue;
            }
            try {
                watts.add(Double.parseDouble(t.replace(" W", "")));
            } catch (NumberFormatException e) {
                throw new ConfigSpecException("'" + where + "' printed '" + t + "' where a GPU power in W was expected"
                        + " ([N/A] means this GPU does not report power.draw)");
            }
        }
        if (watts.isEmpty()) {
            throw new ConfigSpecException("'" + where + "' printed no GPU power line");
        }
        return watts;
    }

    private List<Double> readGpus() {
        CommandResult r = runner.run(command);
        String where = String.join(" ", command);
        if (r.exitCode() != 0) {
            String first = r.output().lines().findFirst().orElse("").trim();
            throw new ConfigSpecException("'" + where + "' exited with " + r.exitCode() + ": " + first);
        }
        return parse(r.output(), where);
    }

    @Override
    public MeterInfo info() {
        return info;
    }

    @Override
    public double readWatts() {
        return readGpus().stream().mapToDouble(Double::doubleValue).sum();
    }
}
