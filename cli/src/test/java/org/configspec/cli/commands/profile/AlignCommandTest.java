package org.configspec.cli.commands.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.configspec.llm.NeedsLlama;
import org.configspec.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code configspec profile align}: table and JSON output on real weights; one-line errors with exit code 2. */
class AlignCommandTest {
    record Out(int code, String out, String err) {
    }

    static Out run(String... args) {
        return profile("align", args);
    }

    /** {@code configspec profile SUB ARGS…}. */
    static Out profile(String sub, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "profile";
        all[1] = sub;
        System.arraycopy(args, 0, all, 2, args.length);
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Out(code, out.toString(), err.toString());
    }

    static final String[] SMALL = {"--target", "stories15M-f32", "--draft", "stories15M-q8_0-l5", "--k-max", "3",
        "--tokens", "24", "--prompt", "Once upon a time", "--prompt", "The dog ran very fast", "--threads", "1"};

    @NeedsLlama
    @Test
    void tablePrintsAlphaWithIntervalsEAndPerPositionAcceptancePerK() {
        Out o = run(SMALL);
        assertThat(o.err()).isEmpty();
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("draft stories15M-q8_0-l5 (Q8_0, 5 blocks", "alpha [95% CI]", "E(K) [95% CI]",
                "per-position acceptance P(L>=i) at K=3", "2 prompts from --prompt (2 given)", "configspec 0.1.0");
        assertThat(o.out().lines().filter(l -> l.matches("\\s+[123]\\s+0\\.\\d{3} \\[.*")).count()).isEqualTo(3);
    }

    @NeedsLlama
    @Test
    void jsonCarriesProvenanceAndPerKFigures() {
        String[] args = java.util.Arrays.copyOf(SMALL, SMALL.length + 2);
        args[SMALL.length] = "--format";
        args[SMALL.length + 1] = "json";
        Out o = run(args);
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("\"provenance\"", "\"sha256\"", "\"byK\"", "\"aggregation\" : \"mean\"",
                "\"interval\"", "\"survival\"", "\"tool\" : \"configspec 0.1.0\"").doesNotContain("NaN");
    }

    @NeedsLlama
    @Test
    void promptsFileOneLineEachWithUntilCiRecordsSourceAndStopReason(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("prompts.txt");
        Files.writeString(file, "# openings\nOnce upon a time\n\nThe dog ran very fast\nTom and Sue were best friends\n");
        Out o = run("--target", "stories15M-f32", "--draft", "stories15M-q8_0", "--k-max", "2", "--tokens", "24",
                "--prompts", file.toString(), "--until-ci", "0.45", "--min-prompts", "2", "--threads", "1");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("2 prompts from prompt file " + file.getFileName(), "stop: alpha(K=2) 95% interval half-width <= 0.4500");
    }

    @Test
    void missingPromptsFileIsOneLineAndExitCode2(@TempDir Path dir) {
        Out o = run("--target", "stories15M-f32", "--draft", "stories15M-q8_0", "--prompts",
                dir.resolve("none.txt").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).startsWith("configspec profile align: prompt file ").contains("no such file")
                .doesNotContain("\n");
    }

    @NeedsLlama
    @Test
    void unknownModelIsOneLineAndExitCode2() {
        Out o = run("--target", "stories15M-f32", "--draft", "no-such-model", "--prompt", "x");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).startsWith("configspec profile align: --draft no-such-model: model 'no-such-model'"
                + " not found").doesNotContain("\n");
    }

    @Test
    void badValuesAreOneLineAndExitCode2() {
        assertThat(run("--target", "t", "--draft", "d", "--k-max", "0").err().strip())
                .isEqualTo("configspec profile align: --k-max = 0: allowed 1..64");
        assertThat(run("--target", "t", "--draft", "d", "--format", "xml").code()).isEqualTo(2);
        assertThat(run("--target", "t", "--draft", "d", "--until-ci", "1.5").err())
                .contains("--until-ci = 1.5: allowed a half-width in (0, 1)");
    }
}
