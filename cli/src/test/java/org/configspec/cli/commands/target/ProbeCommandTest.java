package org.configspec.cli.commands.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.configspec.cli.Main;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.NeedsNativeLlama;
import org.configspec.llm.TestModels;
import org.configspec.llm.model.DefaultModel;
import org.configspec.llm.remote.LlamaServerProcess;
import org.configspec.llm.remote.ScriptedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code configspec target probe} against a real llama-server (native build, loopback) serving stories15M: the table
 * is locked by a golden file (the server's URL replaced by "URL"), the tokenizer check passes for a draft of the same
 * vocabulary and stops with one line on a mismatch; every failure is one line and exit 2.
 */
@NeedsLlama
@NeedsNativeLlama
class ProbeCommandTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/target-probe-llama-server.txt");
    private static LlamaServerProcess server;

    record Out(int code, String out, String err) { }

    static Out run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "target";
        all[1] = "probe";
        System.arraycopy(args, 0, all, 2, args.length);
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Out(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void start() {
        server = LlamaServerProcess.start(LlamaServerProcess.Options.of(TestModels.path(DefaultModel.STORIES15M_F32)));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void probeOfLlamaServerWithADraftMatchesTheGoldenTable() throws IOException {
        Out o = run("--url", server.url().toString(), "--draft", "stories15M-q8_0");
        assertThat(o.err()).isEmpty();
        assertThat(o.code()).isZero();
        String table = o.out().replace(server.url().toString(), "URL");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, table, StandardCharsets.UTF_8);
        }
        assertThat(table).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void jsonNamesTheApiTheLargestTopNAndEachCheck() {
        Out o = run("--url", server.url() + "/v1", "--api", "llama-server", "--format", "json");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("\"api\" : \"llama-server\"", "\"maxTopN\" : 100",
                "\"capability\" : \"prompt log-probabilities\"", "\"tokenizer\" : null");
    }

    @Test
    void aTokenizerMismatchStopsWithOneLineAndExit2() {
        try (ScriptedServer fake = new ScriptedServer()
                .on("GET /props", "{\"build_info\":\"b1-other\",\"model_alias\":\"other\",\"default_generation_settings\":{}}")
                .on("POST /tokenize", "{\"tokens\":[1,15043,3186]}")) {
            Out o = run("--url", fake.url().toString(), "--draft", "stories15M-q8_0");
            assertThat(o.code()).isEqualTo(2);
            assertThat(o.out()).isEmpty();
            assertThat(o.err().strip()).doesNotContain("\n").startsWith("configspec target probe: --draft "
                    + "stories15M-q8_0: the target's tokenizer differs from the draft's on prompt 1 ('Once upon a "
                    + "time') at token 1: target [1, 15043, 3186] (3 ids), draft [1, 9038, 2501, 263] (5 ids)");
        }
    }

    @Test
    void serverDownWrongUrlAndBadApiAreOneLineWithExit2() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Out down = run("--url", "http://127.0.0.1:" + port);
        assertThat(down.code()).isEqualTo(2);
        assertThat(down.err()).contains("cannot connect").hasLineCount(1);
        Out wrong = run("--url", server.url() + "/nothing/here");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("no known serving API answered").hasLineCount(1);
        Out api = run("--url", server.url().toString(), "--api", "tgi");
        assertThat(api.code()).isEqualTo(2);
        assertThat(api.err()).contains("'tgi': not an API; allowed: auto, llama-server, vllm, sglang, openai")
                .hasLineCount(1);
        Out model = run("--url", server.url().toString(), "--model", "llama-3.1-70b");
        assertThat(model.code()).isEqualTo(2);
        assertThat(model.err()).contains("--model llama-3.1-70b").hasLineCount(1);
    }

    @Test
    void a401NamesTheKeyVariable() {
        try (LlamaServerProcess keyed = LlamaServerProcess.start(LlamaServerProcess.Options.of(
                TestModels.path(DefaultModel.STORIES15M_Q8_0)).withApiKey("cs-cli-test-key"))) {
            Out o = run("--url", keyed.url().toString(), "--api", "llama-server");
            assertThat(o.code()).isEqualTo(2);
            assertThat(o.err()).contains("401 unauthorized").contains("--api-key-env").doesNotContain("cs-cli-test-key")
                    .hasLineCount(1);
        }
    }
}
