package org.configspec.cli.commands.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.configspec.cli.Main;
import org.configspec.llm.NeedsLlama;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protects the profiling job end to end on real weights: profile all stores a draft and an acceptance profile per
 * draft, a second run resumes (measures nothing again), and select --store recommends from what was measured.
 */
class ProfileAllCommandTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @NeedsLlama
    @Test
    void profilesStoresResumesAndSelects() {
        String store = dir.resolve("profiles.db").toString();
        String[] small = {"profile", "all", "--store", store, "--drafts", "stories15M-q8_0,stories15M-q8_0-l4", "--n-prompts", "2",
            "--tokens", "24", "--k-max", "4", "--reps", "1", "--threads", "1", "--meter", "cpu-model", "--idle-seconds", "0.2",
            "--device", "test-box"};
        String[] first = run(small);
        assertThat(first[0]).as("stderr: %s", first[2]).isEqualTo("0");
        assertThat(first[1]).contains("4 steps measured now, 0 already done");

        String[] again = run(small);
        assertThat(again[0]).isEqualTo("0");
        assertThat(again[1]).contains("0 steps measured now, 4 already done");

        String[] list = run("store", "list", "--store", store, "--format", "json");
        assertThat(list[1]).contains("\"draft\"", "\"acceptance\"", "stories15M-q8_0-l4", "test-box");

        String[] select = run("select", "--store", store, "--price-output", "0.9", "--k-min", "1", "--k-max", "4", "--format", "csv");
        assertThat(select[0]).as("stderr: %s", select[2]).isEqualTo("0");
        // the faithful Q8_0 draft accepts more than the 4-layer one, so it wins on goodput
        assertThat(select[1].lines().filter(l -> l.contains(",best_goodput,")).findFirst().orElseThrow())
                .startsWith("stories15M-f32,test-box,best_goodput,stories15M-q8_0,Q8_0,");
    }

    @Test
    void badOptionsAreOneLineErrors() {
        String[] r = run("profile", "all", "--store", dir.resolve("x.db").toString(), "--meter", "magic");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip().lines()).hasSize(1);
        assertThat(r[2]).contains("--meter: unknown power meter 'magic'");
        String[] dolly = run("profile", "all", "--store", dir.resolve("x.db").toString(), "--dolly", "my.jsonl");
        assertThat(dolly[0]).isEqualTo("2");
        assertThat(dolly[2].strip()).contains("a Dolly file (my.jsonl) was given with --prompts builtin").doesNotContain("\n");
    }
}
