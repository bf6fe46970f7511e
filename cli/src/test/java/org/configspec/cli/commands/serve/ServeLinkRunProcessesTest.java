package org.configspec.cli.commands.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.configspec.llm.ConfigSpecHome;
import org.configspec.llm.NeedsLlama;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end across real processes: {@code configspec serve} (stories15M-f32, bearer token), {@code configspec link}
 * (20 ms one-way delay in front of it) and {@code configspec run} (draft stories15M-q8_0-l5, greedy, through the link)
 * are three separate JVMs; run's stdout must be exactly the target's own greedy continuation, which a fourth process
 * ({@code configspec generate}) prints. Every process is destroyed in {@link #stopAll()}, all waits are bounded.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@NeedsLlama
class ServeLinkRunProcessesTest {
    private static final String PROMPT = "Once upon a time";
    private static final int N = 32;
    private static final String TARGET_32 = ", there was a little girl named Lily. She loved to play outside in the"
            + " sunshine. One day, she saw a big, red ball in";
    private static final String TOKEN = "s3cret-e2e";
    private static final Pattern SERVE_LISTENING = Pattern.compile("verifying with \\S+ on http://127\\.0\\.0\\.1:(\\d+) ");
    private static final Pattern LINK_LISTENING = Pattern.compile("link: listening on 127\\.0\\.0\\.1:(\\d+) -> ");

    @TempDir
    Path tmp;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        // reverse order: run, link, serve; SIGTERM first (shutdown hooks close the server and the link), then kill
        for (int i = started.size() - 1; i >= 0; i--) {
            Process p = started.get(i);
            if (p.isAlive()) {
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
        started.clear();
    }

    @Test
    void runThroughTheLinkPrintsTheTargetsGreedyContinuation() throws Exception {
        // each process binds port 0 and prints the port it got: no port is picked first and bound later
        Process serve = start("serve", "serve", "--model", "stories15M-f32", "--host", "127.0.0.1", "--port", "0",
                "--token", TOKEN, "-t", "1", "--max-sessions", "4");
        // the target's own greedy output, computed while the server loads (a separate process as well)
        Process generate = start("generate", "generate", "--model", "stories15M-f32", "--prompt", PROMPT, "-n",
                Integer.toString(N), "-t", "1");
        int servePort = awaitPrintedPort(serve, "serve.err", SERVE_LISTENING, Duration.ofSeconds(30));
        awaitHealthy(serve, servePort, Duration.ofSeconds(30));
        Process link = start("link", "link", "--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:" + servePort,
                "--delay", "20ms");
        int linkPort = awaitPrintedPort(link, "link.out", LINK_LISTENING, Duration.ofSeconds(20));

        assertThat(generate.waitFor(30, TimeUnit.SECONDS)).as("generate finished").isTrue();
        assertThat(generate.exitValue()).as(read("generate.err")).isZero();
        String targetAlone = read("generate.out");
        assertThat(targetAlone.strip()).isEqualTo(TARGET_32);

        Process run = start("run", "run", "--draft", "stories15M-q8_0-l5", "--verifier", "http://127.0.0.1:" + linkPort,
                "--token", TOKEN, "--prompt", PROMPT, "-n", Integer.toString(N), "--k", "4", "-t", "1",
                "--fallback-after", "30s");
        assertThat(run.waitFor(40, TimeUnit.SECONDS)).as("run finished").isTrue();
        String runErr = read("run.err");
        assertThat(run.exitValue()).as(runErr).isZero();
        assertThat(read("run.out")).isEqualTo(targetAlone);
        assertThat(runErr).contains("tokens " + N + " (0 local fallback)").contains("session recreations 0");
        // every verify crossed the link: a round trip is at least the emulated 2 x 20 ms
        assertThat(runErr).containsPattern("mean round trip (4\\d|[5-9]\\d|\\d{3,})\\.\\d ms");

        assertThat(serve.isAlive()).as(read("serve.err")).isTrue();
        // the start lines say what a pass and a padding token cost, as the verifier timed them before it served
        assertThat(read("serve.err")).containsPattern("a llama\\.cpp pass \\d+\\.\\d\\d ms, a padding token \\d+\\.\\d{3} ms");
        assertThat(link.isAlive()).as(read("link.err")).isTrue();
        // the server and the link stop cleanly on SIGTERM (their shutdown hooks), exit 0
        link.destroy();
        assertThat(link.waitFor(15, TimeUnit.SECONDS)).as("link stopped").isTrue();
        serve.destroy();
        assertThat(serve.waitFor(15, TimeUnit.SECONDS)).as("serve stopped").isTrue();
    }

    private Process start(String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Xmx256m");
        cmd.add("-D" + ConfigSpecHome.PROPERTY + "=" + ConfigSpecHome.require());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.configspec.cli.Main");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(tmp.resolve(name + ".out").toFile())
                .redirectError(tmp.resolve(name + ".err").toFile()).start();
        started.add(p);
        return p;
    }

    private String read(String file) throws IOException {
        Path f = tmp.resolve(file);
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
    }

    /** Waits for the line where a process prints the port it bound, and returns that port. */
    private int awaitPrintedPort(Process p, String file, Pattern line, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = line.matcher(read(file));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            assertThat(p.isAlive()).as(file + ": exited before printing its port: " + read(file)).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError(file + ": no line matching " + line + " within " + limit + ": " + read(file));
    }

    private void awaitHealthy(Process serve, int port, Duration limit) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(serve.isAlive()).as("serve exited early: " + read("serve.err")).isTrue();
            try {
                HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"ok\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve not healthy within " + limit + ": " + read("serve.err"));
    }

}
