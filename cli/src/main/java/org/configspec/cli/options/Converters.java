package org.configspec.cli.options;

import java.time.Duration;
import java.util.function.Function;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.units.Durations;
import org.configspec.llm.cpu.CpuSet;
import org.configspec.llm.remote.TargetApi;
import org.configspec.profile.power.MeterKind;
import org.configspec.serve.link.Bandwidth;
import org.configspec.serve.link.HostPort;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The typed option values of every command, each parsed by the module that owns the type: a {@link Duration}
 * ({@link Durations}), a link {@link Bandwidth}, a {@link HostPort}, a power {@link MeterKind}, a remote target's
 * {@link TargetApi}, a {@link CpuSet}. A bad value is
 * picocli's one-line parameter error naming the option, the value and what is allowed.
 */
public final class Converters {
    private Converters() {
    }

    /** Registers the converters on {@code cmd} and the subcommands it has now. */
    public static void register(CommandLine cmd) {
        cmd.registerConverter(Duration.class, of(Durations::parse));
        cmd.registerConverter(Bandwidth.class, of(v -> Bandwidth.parse(v, null)));
        cmd.registerConverter(HostPort.class, of(v -> HostPort.parse(v, null)));
        cmd.registerConverter(MeterKind.class, Converters::meterKind);
        cmd.registerConverter(TargetApi.class, of(v -> TargetApi.parse(v, null)));
        cmd.registerConverter(CpuSet.class, of(CpuSet::parse));
    }

    private static MeterKind meterKind(String value) {
        for (MeterKind k : MeterKind.values()) {
            if (k.cliName().equalsIgnoreCase(value.trim())) {
                return k;
            }
        }
        throw new TypeConversionException("'" + value + "' is not a power meter (allowed: " + MeterKind.allowed() + ")");
    }

    private static <T> ITypeConverter<T> of(Function<String, T> parse) {
        return value -> {
            try {
                return parse.apply(value);
            } catch (ConfigSpecException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
    }
}
