package org.configspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code --help} of every command and subcommand (the whole tree, walked from the root): exit 0, the usage on stdout
 * and nothing on stderr (picocli writes a "[picocli WARN] Could not format" line there for a bare '%' in a
 * description); defaults are shown by picocli, never hand-written next to them.
 */
class HelpTest {
    static Stream<String> commands() {
        List<String> paths = new ArrayList<>();
        walk(Main.commandLine(), "", paths);
        return paths.stream();
    }

    private static void walk(CommandLine c, String path, List<String> paths) {
        paths.add(path);
        c.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") && sub.getCommandName().equals(name)) {
                walk(sub, (path + " " + name).trim(), paths);
            }
        });
    }

    @Test
    void theTreeHasEveryCommandGroup() {
        assertThat(commands()).contains("", "select", "profile align", "store list", "models quantize", "bench decode",
                "run", "validate", "link").hasSizeGreaterThan(25);
    }

    @ParameterizedTest(name = "configspec {0} --help")
    @MethodSource("commands")
    void helpExitsZeroWithUsageOnStdoutAndNothingOnStderr(String command) {
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");
        // picocli's own warnings go to System.err, not to the command's error writer
        PrintStream systemErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        Run r;
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            r = Run.of(args.toArray(String[]::new));
        } finally {
            System.setErr(systemErr);
        }
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(r.out()).startsWith("Usage: configspec" + (command.isEmpty() ? "" : " " + command));
    }

    @Test
    void defaultsAreShownOnceByPicocli() {
        String help = Run.of("run", "--help").out();
        assertThat(help).contains("Default: 128").contains("Default: 10s").doesNotContain("(default: 128)");
        String link = Run.of("link", "--help").out();
        assertThat(link).contains("Default: unlimited");
    }
}
