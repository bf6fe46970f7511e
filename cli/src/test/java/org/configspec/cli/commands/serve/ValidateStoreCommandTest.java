package org.configspec.cli.commands.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.configspec.cli.Main;
import org.configspec.llm.NeedsLlama;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protects validate --store on real weights: the model is fed by the stored acceptance and draft documents (named as
 * sources), the table has tokens per $ and J per token, the run is stored as a "validation" document that store list
 * shows, and a device without the draft is a one-line error.
 */
@NeedsLlama
class ValidateStoreCommandTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void feedsTheModelFromStoredProfilesAndStoresTheRun() {
        String store = dir.resolve("profiles.db").toString();
        String[] profile = run("profile", "all", "--store", store, "--drafts", "stories15M-q8_0-l5", "--n-prompts", "2",
                "--tokens", "24", "--k-max", "4", "--reps", "1", "--threads", "1", "--meter", "cpu-model",
                "--idle-seconds", "0.2", "--device", "test-box");
        assertThat(profile[0]).as("stderr: %s", profile[2]).isEqualTo("0");
        String[] ids = run("store", "list", "--store", store, "--format", "csv");
        String draftId = ids[1].lines().filter(l -> l.startsWith("draft-")).findFirst().orElseThrow().split(",")[0];
        String accId = ids[1].lines().filter(l -> l.startsWith("acceptance-")).findFirst().orElseThrow().split(",")[0];

        String[] v = run("validate", "--store", store, "--device", "test-box", "--draft", "stories15M-q8_0-l5",
                "--k-max", "3", "--rtt", "0,20ms", "-n", "24", "--threads", "1");
        assertThat(v[0]).as("stderr: %s", v[2]).isEqualTo("0");
        assertThat(v[1]).contains("from store document " + accId, "from store document " + draftId,
                "fitted from these runs", "tok/$", "J/tok", "STORED drafting power", "RTT 20 ms: best K measured",
                "median |goodput error|", "mean |goodput error|", "stored as validation-");
        assertThat(v[1].lines().filter(l -> l.matches("\\s+20\\s+3\\s.*")).findFirst().orElseThrow())
                .doesNotContain("n/a");
        String validationId = v[1].lines().filter(l -> l.startsWith("stored as ")).findFirst().orElseThrow()
                .split(" ")[2];

        String[] list = run("store", "list", "--store", store);
        assertThat(list[0]).isEqualTo("0");
        assertThat(list[1]).contains(validationId).contains("validation");
        String[] show = run("store", "show", "--store", store, validationId);
        assertThat(show[0]).as("stderr: %s", show[2]).isEqualTo("0");
        assertThat(show[1]).contains("\"points\"", "\"tokensPerUsd\"", "\"joulesPerToken\"", draftId, accId,
                "configspec 0.1.0 validate");

        String[] bad = run("validate", "--store", store, "--device", "no-such-box", "--draft", "stories15M-q8_0-l5",
                "--k-max", "1", "--rtt", "0", "-n", "8");
        assertThat(bad[0]).isEqualTo("2");
        assertThat(bad[2].strip().lines()).hasSize(1);
        assertThat(bad[2]).contains("no-such-box", "test-box");
    }
}
