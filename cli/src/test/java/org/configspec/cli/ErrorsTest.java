package org.configspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.LlmException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The one exit-code mapper: user errors (ConfigSpecException anywhere in the cause chain, LlmException, picocli's
 * parameter errors) are exit 2 and one line; anything else, IllegalStateException included, is exit 1 and one line,
 * with the stack trace only when CONFIGSPEC_DEBUG=1.
 */
class ErrorsTest {
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Option(names = "--what", required = true)
        String what;

        @Override
        public Integer call() {
            switch (what) {
                case "user" -> throw new ConfigSpecException("--x = 3: allowed 1..2\n(second line)");
                case "wrapped" -> throw new IllegalStateException("outer", new ConfigSpecException("inner cause"));
                case "llm" -> throw new LlmException("model 'nope' not found");
                case "bug" -> throw new IllegalStateException("a bug");
                default -> {
                    return 0;
                }
            }
        }
    }

    private record Out(int code, String err) {
    }

    private static Out run(Map<String, String> env, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Boom());
        cmd.setErr(new PrintWriter(err, true));
        Errors.install(cmd, env);
        return new Out(cmd.execute(args), err.toString());
    }

    @Test
    void userErrorsExitTwoWithOneLine() {
        assertThat(run(Map.of(), "--what", "user")).isEqualTo(new Out(2, "boom: --x = 3: allowed 1..2 (second line)\n"));
        assertThat(run(Map.of(), "--what", "wrapped")).isEqualTo(new Out(2, "boom: inner cause\n"));
        assertThat(run(Map.of(), "--what", "llm")).isEqualTo(new Out(2, "boom: model 'nope' not found\n"));
        Out missing = run(Map.of());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("boom: Missing required option: '--what=<what>'").endsWith("(see 'boom --help')\n");
    }

    @Test
    void anythingElseIsAnInternalErrorWithTheStackTraceOnlyUnderDebug() {
        Out plain = run(Map.of(), "--what", "bug");
        assertThat(plain).isEqualTo(new Out(1, "boom: internal error: java.lang.IllegalStateException: a bug\n"));
        Out debug = run(Map.of(Errors.DEBUG_ENV, "1"), "--what", "bug");
        assertThat(debug.code()).isEqualTo(1);
        assertThat(debug.err()).startsWith(plain.err()).contains("\tat org.configspec.cli.ErrorsTest$Boom.call");
        assertThat(run(Map.of(Errors.DEBUG_ENV, "0"), "--what", "bug")).isEqualTo(plain);
    }

    @Test
    void successIsZero() {
        assertThat(run(Map.of(), "--what", "nothing")).isEqualTo(new Out(0, ""));
    }
}
