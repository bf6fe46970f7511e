package org.configspec.cli.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.configspec.cli.Main;
import org.configspec.cli.models.ModelsCommand;
import org.configspec.llm.NeedsLlama;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GenerateCommandTest {

    @NeedsLlama
    @Test
    void greedyGenerationStreamsOnlyTheTextToStdout() {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            rc = Main.configure(new CommandLine(new GenerateCommand())).execute("--model", "stories15M-f32", "--prompt",
                    "Once upon a time", "-n", "32", "--threads", "2");
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertThat(rc).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(", there was a little girl named Lily. She loved"
                + " to play outside in the sunshine. One day, she saw a big, red ball in\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("tok/s").contains("llama.cpp 0.4.0");
    }

    @Test
    void aBadValueIsOneLineOnStderrWithExitCode2() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.configure(new CommandLine(new GenerateCommand()));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute("--model", "stories15M-f32", "--prompt", "x", "--temperature", "-1");
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo("generate: --temperature = -1.0: allowed 0 (greedy) .. 100");
    }

    @Test
    void anUnknownModelNamesTheAllowedOnes() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.configure(new CommandLine(new GenerateCommand()));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute("--model", "nope", "--prompt", "x");
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString().trim()).startsWith("generate: model 'nope' not found").contains("stories15M-q8_0-l4")
                .doesNotContain("\n");
    }

    @Test
    void modelsListShowsTheDefaultFamily() {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.configure(new CommandLine(new ModelsCommand()));
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("list", "--format", "csv")).isZero();
        assertThat(out.toString()).contains("stories15M-f32,").contains("stories15M-q8_0-l5,");
    }
}
