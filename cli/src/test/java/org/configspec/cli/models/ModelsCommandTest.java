package org.configspec.cli.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.configspec.llm.NeedsLlama;
import org.configspec.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@NeedsLlama
class ModelsCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.configure(new CommandLine(new ModelsCommand()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void inspectShowsArchitectureFileTypeAndSha256() {
        assertThat(run("inspect", "stories15M-q8_0-l5")).isZero();
        assertThat(out.toString()).contains("architecture:    llama").contains("file_type:       Q8_0")
                .contains("block_count:     5").contains("vocab_size:      32000").containsPattern("sha256: +[0-9a-f]{64}");
    }

    @Test
    void truncateWritesADraftWithFewerBlocks() {
        Path o = tmp.resolve("l2.gguf");
        assertThat(run("truncate", "-m", "stories15M-q4_0", "--layers", "2", "-o", o.toString())).isZero();
        assertThat(Files.isRegularFile(o)).isTrue();
        assertThat(run("inspect", o.toString())).isZero();
        assertThat(out.toString()).contains("block_count:     2").contains("file_type:       Q4_0");
    }

    @Test
    void userErrorsAreOneLineWithExitCode2() {
        assertThat(run("quantize", "-m", "stories15M-f32", "--type", "Q3_X", "-o", tmp.resolve("x.gguf").toString()))
                .isEqualTo(2);
        assertThat(run("truncate", "-m", "stories15M-q8_0", "--layers", "9", "-o", tmp.resolve("y.gguf").toString()))
                .isEqualTo(2);
        Path bad = tmp.resolve("bad.gguf");
        assertThat(run("inspect", bad.toString())).isEqualTo(2);
        String[] lines = err.toString().trim().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("models quantize: unknown quantisation type 'Q3_X': allowed F16, Q8_0, Q4_0, "
                + "Q4_K_M, Q6_K");
        assertThat(lines[1]).startsWith("models truncate: --layers 9 is out of range for ").endsWith("allowed 1..6");
        assertThat(lines[2]).startsWith("models inspect: model '" + bad + "' not found");
    }
}
