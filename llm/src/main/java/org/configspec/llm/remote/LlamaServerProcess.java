package org.configspec.llm.remote;

import java.io.IOException;
import java.net.URI;
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
import org.configspec.llm.LlmException;
import org.configspec.llm.http.HttpConnection;
import org.configspec.llm.http.KeepAlivePool;

/**
 * A llama-server process this JVM started: the natively built binary
 * ({@code <repo>/.cache/llama-native/build/bin/llama-server}, scripts/build-llama-native) on a GGUF, bound to
 * loopback on a port the server picks ({@code --port 0}; the port is read from its "listening on" log line), ready
 * when {@code /health} answers 200. {@link #close()} stops exactly this process by its handle: destroy, wait, then
 * destroy forcibly after {@link #STOP_GRACE}. Its log goes to a temporary file ({@link #log()}), quoted when it fails
 * to start. Used by the tests and the benchmarks.
 */
public final class LlamaServerProcess implements AutoCloseable {
    /** How long {@link #close()} waits for a clean exit before killing. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /**
     * F32 KV cache and flash attention off, as ContextOptions#exact() runs the local target: with llama-server's
     * defaults (F16 cache, flash attention auto) its log-probabilities differ from ours by about 0.004 nats.
     */
    public static final List<String> EXACT = List.of("--cache-type-k", "f32", "--cache-type-v", "f32",
            "--flash-attn", "off");
    private static final int HEALTH_TIMEOUT_MS = 5000;
    private static final Pattern LISTENING = Pattern.compile("listening on https?://[^\\s:]+:(\\d+)");

    private final Process process;
    private final URI url;
    private final Path log;

    /**
     * What to start.
     *
     * @param model        the GGUF to serve
     * @param threads      CPU threads (-t)
     * @param context      context size of all slots together (-c)
     * @param parallel     slots (--parallel)
     * @param apiKey       a key the server requires (passed in LLAMA_API_KEY, not on the command line), or null
     * @param extraArgs    further llama-server arguments (e.g. {@code --metrics}, {@code -md draft.gguf})
     * @param startTimeout how long loading may take before {@link #start} gives up
     */
    public record Options(Path model, int threads, int context, int parallel, String apiKey, List<String> extraArgs,
                          Duration startTimeout) {
        public Options {
            if (model == null) {
                throw new LlmException("llama-server: no model given");
            }
            if (threads < 1 || context < 0 || parallel < 1) {
                throw new LlmException("llama-server: threads " + threads + ", context " + context + ", parallel "
                        + parallel + ": allowed threads >= 1, context >= 0, parallel >= 1");
            }
            extraArgs = List.copyOf(extraArgs);
        }

        /**
         * One thread, 512 context positions, one slot, no key, 120 s to start, and {@link #EXACT}: the numerics of
         * ConfigSpec's own profiling context (llm/engine/ContextOptions#exact), so its log-probabilities are ours.
         */
        public static Options of(Path model) {
            return new Options(model, 1, 512, 1, null, EXACT, Duration.ofSeconds(120));
        }

        public Options withApiKey(String key) {
            return new Options(model, threads, context, parallel, key, extraArgs, startTimeout);
        }

        public Options withThreads(int t) {
            return new Options(model, t, context, parallel, apiKey, extraArgs, startTimeout);
        }

        /** These arguments after {@link #extraArgs()}. */
        public Options withExtraArgs(List<String> args) {
            List<String> all = new ArrayList<>(extraArgs);
            all.addAll(args);
            return new Options(model, threads, context, parallel, apiKey, all, startTimeout);
        }
    }

    private LlamaServerProcess(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** {@code <repo>/.cache/llama-native/build/bin/llama-server}, or one line saying how to build it. */
    public static Path binary() {
        Path bin = ConfigSpecHome.cacheDir().resolve("llama-native/build/bin/llama-server");
        if (!Files.isExecutable(bin)) {
            throw new LlmException("llama-server not built: " + bin + " is missing; run scripts/setup native "
                    + "(scripts/build-llama-native, about 13 minutes once)");
        }
        return bin;
    }

    /** Starts the natively built llama-server with {@code o} and waits until it serves. */
    public static LlamaServerProcess start(Options o) {
        return start(binary(), o);
    }

    /** Starts {@code binary} with {@code o} and waits until it serves; one line (with the log's tail) on failure. */
    public static LlamaServerProcess start(Path binary, Options o) {
        if (!Files.isRegularFile(o.model())) {
            throw new LlmException("llama-server: model " + o.model() + " not found");
        }
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "-m", o.model().toString(), "--host",
                "127.0.0.1", "--port", "0", "-t", String.valueOf(o.threads()), "-c", String.valueOf(o.context()),
                "--parallel", String.valueOf(o.parallel()), "--no-webui"));
        cmd.addAll(o.extraArgs());
        Path log;
        Process p;
        try {
            log = Files.createTempFile("configspec-llama-server-", ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
            pb.environment().put("LD_LIBRARY_PATH", binary.getParent() + pathSuffix(System.getenv("LD_LIBRARY_PATH")));
            pb.environment().remove("LLAMA_API_KEY");
            if (o.apiKey() != null) {
                pb.environment().put("LLAMA_API_KEY", o.apiKey());
            }
            p = pb.start();
        } catch (IOException e) {
            throw new LlmException("llama-server: cannot start " + binary + ": " + e.getMessage(), e);
        }
        try {
            URI url = awaitReady(p, log, o.startTimeout());
            return new LlamaServerProcess(p, url, log);
        } catch (RuntimeException e) {
            stop(p);
            throw e;
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File("/dev/null");
    }

    private static String pathSuffix(String existing) {
        return existing == null || existing.isEmpty() ? "" : ":" + existing;
    }

    private static URI awaitReady(Process p, Path log, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI url = null;
        KeepAlivePool http = null;
        try {
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new LlmException("llama-server exited with code " + p.exitValue() + " while starting: "
                            + tail(log));
                }
                if (url == null) {
                    Matcher m = LISTENING.matcher(read(log));
                    if (m.find()) {
                        url = URI.create("http://127.0.0.1:" + m.group(1));
                        http = new KeepAlivePool(url, HEALTH_TIMEOUT_MS);
                    }
                }
                if (http != null && healthy(http)) {
                    return url;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LlmException("llama-server: interrupted while starting");
                }
            }
        } finally {
            if (http != null) {
                http.close();
            }
        }
        throw new LlmException("llama-server not ready within " + timeout.toSeconds() + " s: " + tail(log));
    }

    private static boolean healthy(KeepAlivePool http) {
        try {
            HttpConnection.Answer a = http.exchange(http.head("GET", "/health", null), null,
                    System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HEALTH_TIMEOUT_MS));
            return a.status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines of the log on one line. */
    private static String tail(Path log) {
        String s = read(log).strip();
        String t = s.length() > 600 ? "..." + s.substring(s.length() - 600) : s;
        return "log " + log + ": " + t.replaceAll("\\s+", " ");
    }

    /** The server's base URL (http://127.0.0.1:PORT). */
    public URI url() {
        return url;
    }

    /** An endpoint for this server (API llama-server, its key's variable name or null). */
    public Endpoint endpoint(String apiKeyEnv) {
        return new Endpoint(url, TargetApi.LLAMA_SERVER, null, apiKeyEnv, Endpoint.DEFAULT_TIMEOUT,
                RetryPolicy.defaults());
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Kills the process at once (a crash mid-campaign, for the resume tests); {@link #close()} still cleans up. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(process);
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a leftover temporary log is harmless
        }
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(STOP_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(STOP_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }
}
