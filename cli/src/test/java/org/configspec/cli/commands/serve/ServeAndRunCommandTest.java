package org.configspec.cli.commands.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.configspec.llm.NeedsLlama;
import org.configspec.cli.Main;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.model.ModelStore;
import org.configspec.serve.verifier.VerifierConfig;
import org.configspec.serve.verifier.VerifierServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 'configspec run' against a real in-process verifier; bad flags of both commands are one line and exit 2. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@NeedsLlama
class ServeAndRunCommandTest {
    private record Result(int code, String out, String err) {
    }

    /** Runs {@code configspec COMMAND ARGS...} as the launcher does. */
    private static Result exec(String command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void runStreamsTheTargetsGreedyTextAndSummarises() throws Exception {
        try (LlamaModel target = LlamaModel.load(ModelStore.defaultStore().resolve("stories15M-f32"));
             VerifierServer server = VerifierServer.start(VerifierConfig.defaults().withThreads(1)
                     .withSessions(4, Duration.ofSeconds(60)).withToken("tok"), target)) {
            java.nio.file.Path csv = java.nio.file.Files.createTempFile("rounds", ".csv");
            Result r = exec("run", "--draft", "stories15M-q8_0-l5", "--verifier", server.url(), "--token",
                    "tok", "--prompt", "Once upon a time", "-n", "20", "--policy", "backoff", "-t", "1",
                    "--rounds-csv", csv.toString(), "--meter", "cpu-model");
            assertThat(r.code()).as(r.err()).isZero();
            java.util.List<String> rows = java.nio.file.Files.readAllLines(csv);
            java.nio.file.Files.delete(csv);
            assertThat(rows.get(0)).isEqualTo(org.configspec.serve.metrics.RoundCsv.HEADER);
            assertThat(rows.size()).isGreaterThan(2);
            assertThat(r.out()).startsWith(", there was a little girl named Lily. She loved to play outside");
            assertThat(r.err()).contains("rounds").contains("goodput").contains("tok/s").contains("bytes sent");
            // billed tokens under each regime, and edge energy labelled as the estimate it is
            assertThat(r.err()).contains("billed tokens: paper ").contains("predicted-outputs ").contains("logprob-api ")
                    .contains("edge energy ").contains("J/token").contains("ESTIMATE");
            Result denied = exec("run", "--draft", "stories15M-q8_0-l5", "--verifier", server.url(),
                    "--prompt", "Once upon a time", "-n", "5", "-t", "1");
            assertThat(denied.code()).isEqualTo(2);
            assertThat(denied.err().strip()).doesNotContain("\n").contains("401");
        }
    }

    /** An emulated slower device drafts the same tokens, and the run says it was slowed. */
    @Test
    void aSlowedDraftCommitsTheSameText() throws Exception {
        try (LlamaModel target = LlamaModel.load(ModelStore.defaultStore().resolve("stories15M-f32"));
             VerifierServer server = VerifierServer.start(VerifierConfig.defaults().withThreads(1), target)) {
            Result plain = exec("run", "--draft", "stories15M-q8_0-l5", "--verifier", server.url(), "--prompt",
                    "Once upon a time", "-n", "24", "-t", "1");
            Result slowed = exec("run", "--draft", "stories15M-q8_0-l5", "--verifier", server.url(), "--prompt",
                    "Once upon a time", "-n", "24", "-t", "1", "--draft-slowdown", "3");
            assertThat(plain.code()).as(plain.err()).isZero();
            assertThat(slowed.code()).as(slowed.err()).isZero();
            assertThat(slowed.out()).isEqualTo(plain.out()).startsWith(", there was a little girl named Lily.");
            assertThat(slowed.err()).contains("configspec run: drafting slowed 3.0x (an emulated device");
            assertThat(plain.err()).doesNotContain("drafting slowed");
        }
    }

    @Test
    void validatePrintsThePerKTableAndBestK() {
        Result r = exec("validate", "--k-max", "2", "-n", "12", "--rtt", "0", "-t", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("model inputs").contains("RTT 0 ms: best K measured").contains("goodput");
        Result bad = exec("validate", "--k-max", "0");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("configspec validate: --k-max = 0: allowed 1..16");
    }

    @Test
    void serveRefusesAnAddressReachableFromOtherMachinesWithoutAToken() throws Exception {
        Result open = exec("serve", "--model", "stories15M-f32", "--host", "0.0.0.0", "--port", "0");
        assertThat(open.code()).isEqualTo(2);
        assertThat(open.err().strip()).doesNotContain("\n").startsWith("configspec serve: --host 0.0.0.0 is reachable"
                + " from other machines and no token is set").contains("--allow-unauthenticated");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("token", ".txt");
        Result both = exec("serve", "--model", "stories15M-f32", "--token", "a", "--token-file",
                file.toString());
        java.nio.file.Files.delete(file);
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err().strip()).isEqualTo("configspec serve: --token and --token-file both given: use one");
        Result slow = exec("serve", "--model", "stories15M-f32", "--max-queue", "0");
        assertThat(slow.code()).isEqualTo(2);
        assertThat(slow.err().strip()).isEqualTo("configspec serve: --max-queue = 0: allowed 1..100000");
    }

    @Test
    void serveBackendRefusesBadBackendsInOneLine() {
        Result down = exec("serve", "--model", "stories15M-f32", "--port", "0", "--backend", "http://127.0.0.1:1");
        assertThat(down.code()).isEqualTo(2);
        assertThat(down.err().strip()).doesNotContain("\n").startsWith("configspec serve: ").contains("127.0.0.1:1");
        Result scheme = exec("serve", "--model", "stories15M-f32", "--backend", "ftp://x");
        assertThat(scheme.code()).isEqualTo(2);
        assertThat(scheme.err().strip()).doesNotContain("\n").contains("ftp://x").contains("http");
        Result api = exec("serve", "--model", "stories15M-f32", "--backend", "http://127.0.0.1:1", "--backend-api",
                "tgi");
        assertThat(api.code()).isEqualTo(2);
        assertThat(api.err().strip()).doesNotContain("\n").contains("'tgi'")
                .contains("auto, llama-server, vllm, sglang, openai");
        Result orphan = exec("serve", "--model", "stories15M-f32", "--backend-model", "m");
        assertThat(orphan.code()).isEqualTo(2);
        assertThat(orphan.err().strip()).isEqualTo("configspec serve: --backend-model needs --backend URL");
    }

    @Test
    void badFlagsAreOneLineAndExitTwo() {
        Result policy = exec("run", "--draft", "stories15M-q8_0", "--verifier", "http://127.0.0.1:1",
                "--prompt", "x", "--policy", "weird");
        assertThat(policy.code()).isEqualTo(2);
        assertThat(policy.err().strip()).startsWith("configspec run: Invalid value for option '--policy'")
                .contains("'weird'").contains("FIXED, BACKOFF, OPTIMAL").doesNotContain("\n");
        Result storeWithFixed = exec("run", "--draft", "stories15M-q8_0-l5", "--verifier", "http://127.0.0.1:1",
                "--prompt", "x", "--store", "/nonexistent/x.db");
        assertThat(storeWithFixed.code()).isEqualTo(2);
        assertThat(storeWithFixed.err().strip()).isEqualTo(
                "configspec run: --store chooses K from stored profiles: use it with --policy optimal");
        Result url = exec("run", "--draft", "stories15M-q8_0", "--verifier", "ftp://x", "--prompt", "x");
        assertThat(url.code()).isEqualTo(2);
        assertThat(url.err().strip()).doesNotContain("\n").contains("--verifier");
        Result slowdown = exec("run", "--draft", "stories15M-q8_0", "--verifier", "http://127.0.0.1:1",
                "--prompt", "x", "--draft-slowdown", "0.5");
        assertThat(slowdown.code()).isEqualTo(2);
        assertThat(slowdown.err().strip()).isEqualTo(
                "configspec run: --draft-slowdown = 0.5: allowed 1 (this machine's speed)..1000");
        Result meterSlowed = exec("run", "--draft", "stories15M-q8_0", "--verifier", "http://127.0.0.1:1",
                "--prompt", "x", "--draft-slowdown", "4", "--meter", "cpu-model");
        assertThat(meterSlowed.code()).isEqualTo(2);
        assertThat(meterSlowed.err().strip()).doesNotContain("\n")
                .startsWith("configspec run: --meter with --draft-slowdown 4.0: the meter would measure");
        Result batch = exec("serve", "--model", "stories15M-f32", "--max-batch", "0");
        assertThat(batch.code()).isEqualTo(2);
        assertThat(batch.err().strip()).isEqualTo("configspec serve: --max-batch = 0: allowed 1..64");
    }
}
