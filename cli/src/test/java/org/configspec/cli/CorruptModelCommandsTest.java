package org.configspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.configspec.llm.ConfigSpecHome;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.gguf.GgufFile;
import org.configspec.llm.gguf.GgufReader;
import org.configspec.llm.gguf.GgufValue;
import org.configspec.llm.gguf.GgufWriter;
import org.configspec.llm.model.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GGUF whose hyper-parameters would abort llama.cpp (and the JVM with it) is refused with one line and exit code 2
 * by every command that loads a model; llama.cpp never sees it.
 */
@NeedsLlama
class CorruptModelCommandsTest {
    @TempDir
    Path dir;

    @Test
    void aBlockCountOfZeroIsOneLineAndExitTwoInGenerateServeRunAndProfileDraft() throws IOException {
        Path models = ConfigSpecHome.find().orElseThrow().resolve(".cache/models");
        GgufFile f = GgufReader.read(new ModelStore(models).resolve("stories15M-q4_0"));
        Map<String, GgufValue> meta = new LinkedHashMap<>(f.metadata());
        meta.put("llama.block_count", GgufValue.uint32(0));
        Path bad = dir.resolve("zero-blocks.gguf");
        GgufWriter.write(bad, meta, GgufWriter.tensorsOf(f));
        String m = bad.toString();
        String[][] commands = {
            {"generate", "--model", m, "--prompt", "Once upon a time", "-n", "4"},
            {"serve", "--model", m, "--port", "0"},
            {"run", "--draft", m, "--verifier", "http://127.0.0.1:9", "--prompt", "Once upon a time", "-n", "4"},
            {"profile", "draft", "--model", m, "--device", "test"},
        };
        for (String[] c : commands) {
            Run r = Run.of(c);
            assertThat(r.code()).as("%s exit code; stderr: %s", c[0], r.err()).isEqualTo(2);
            // progress lines (profile draft's "resolving ...") may come first; the error is one line, the last
            String[] lines = r.err().strip().split("\n");
            assertThat(lines[lines.length - 1]).as(c[0])
                    .contains("invalid model " + bad + ": llama.block_count = 0 (allowed: 1..512)");
            assertThat(r.err()).as(c[0]).doesNotContain("GGML").doesNotContain("llama_model");
        }
    }

    @Test
    void aHugeDeclaredContextIsOneLineAndExitTwoInsteadOfAnEndlessAllocation() throws IOException {
        Path models = ConfigSpecHome.find().orElseThrow().resolve(".cache/models");
        GgufFile f = GgufReader.read(new ModelStore(models).resolve("stories15M-q4_0"));
        Map<String, GgufValue> meta = new LinkedHashMap<>(f.metadata());
        meta.put("llama.context_length", GgufValue.uint32(Integer.MAX_VALUE));
        Path bad = dir.resolve("huge-context.gguf");
        GgufWriter.write(bad, meta, GgufWriter.tensorsOf(f));
        Run r = Run.of("generate", "--model", bad.toString(), "--prompt", "Once upon a time", "-n", "4");
        assertThat(r.code()).as("stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n")
                .contains("declares a training context of 2147483647 positions, more than 1048576: give a context size");
        Run small = Run.of("generate", "--model", bad.toString(), "--prompt", "Once upon a time", "-n", "4",
                "--ctx", "64");
        assertThat(small.code()).as("stderr: %s", small.err()).isZero();
    }
}
