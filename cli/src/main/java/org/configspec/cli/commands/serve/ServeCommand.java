package org.configspec.cli.commands.serve;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.configspec.cli.options.CpuOption;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.engine.LlamaRuntime;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.model.ModelStore;
import org.configspec.llm.remote.Endpoint;
import org.configspec.llm.remote.TargetApi;
import org.configspec.serve.backend.EngineBackend;
import org.configspec.serve.http.BearerToken;
import org.configspec.serve.http.ServerLimits;
import org.configspec.serve.verifier.RequestWarmUp;
import org.configspec.serve.verifier.VerifierConfig;
import org.configspec.serve.verifier.VerifierServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec serve}: the verifier server (serve/PROTOCOL.md) for a target model until Ctrl-C. Exit 2 with one
 * line on bad flags or when the port cannot be bound.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the speculative-decoding verifier for a target model: HTTP/JSON sessions, batched"
                + " verification of concurrent sessions in one llama decode, greedy and rejection-sampling acceptance,"
                + " /healthz and Prometheus /metrics. Stops on Ctrl-C.",
                "With --backend URL the target runs on a serving engine (llama-server, vLLM, SGLang): this server keeps"
                + " sessions, positions and the protocol, scores each round there and decides acceptance itself;"
                + " --model then names the target's tokenizer (its GGUF).",
                "Durations: 300s, 5m, 0.5s or 300 (seconds)."})
public final class ServeCommand implements Callable<Integer> {
    /** At most this long warming the request path before the server announces itself. */
    private static final Duration WARM_UP_BUDGET = Duration.ofMillis(1500);

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "target: a default model name or a GGUF path (with"
            + " --backend: the target's tokenizer and vocabulary)")
    String model;

    @Option(names = "--backend", paramLabel = "URL", description = "verify on this serving engine instead of"
            + " in-process (base URL, e.g. http://127.0.0.1:8080)")
    String backend;

    @Option(names = "--backend-api", defaultValue = "auto", description = "the engine's API: auto (identifies it),"
            + " llama-server, vllm, sglang, openai")
    TargetApi backendApi;

    @Option(names = "--backend-model", paramLabel = "NAME", description = "the model name requests to the engine"
            + " carry (default: its only model)")
    String backendModel;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "environment variable holding the engine's"
            + " API key (sent as a bearer token)")
    String apiKeyEnv;

    @Option(names = "--backend-top-n", description = "top-N rows a sampling session reads from the engine when its"
            + " top-k is off (default 20, or the API's cap if lower: vLLM's --max-logprobs, 5 on OpenAI)")
    int backendTopN;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind")
    String host;

    @Option(names = "--port", defaultValue = "8470", description = "port, 0 = any free")
    int port;

    @Option(names = "--token", description = "bearer token every request but /healthz must carry (visible in ps:"
            + " prefer --token-file or the CONFIGSPEC_TOKEN environment variable)")
    String token;

    @Option(names = "--token-file", description = "file whose first line is the bearer token")
    java.nio.file.Path tokenFile;

    @Option(names = "--allow-unauthenticated", description = "serve without a token on an address other than loopback"
            + " (refused otherwise)")
    boolean allowUnauthenticated;

    @Option(names = "--max-connections", defaultValue = "4096", description = "most open connections")
    int maxConnections;

    @Option(names = "--max-requests", defaultValue = "256", description = "most requests processed at once; more are"
            + " answered 429")
    int maxRequests;

    @Option(names = "--max-queue", defaultValue = "64", description = "most verifies and session creations waiting"
            + " for the decode thread; more are answered 429")
    int maxQueue;

    @Option(names = "--header-timeout", defaultValue = "10s", paramLabel = "DURATION",
            description = "a request's headers must arrive within this after its first byte")
    Duration headerTimeout;

    @Option(names = "--body-timeout", defaultValue = "10s", paramLabel = "DURATION",
            description = "a request's body must arrive within this plus its length at --min-data-rate")
    Duration bodyTimeout;

    @Option(names = "--min-data-rate", defaultValue = "16384", description = "bytes per second a body is given")
    long minDataRate;

    @Option(names = "--max-batch", defaultValue = "8", description = "most sessions per llama decode, 1..64")
    int maxBatch;

    @Option(names = "--max-wait-ms", defaultValue = "5", description = "longest wait for more sessions to join a batch,"
            + " 0..10000 ms")
    int maxWaitMs;

    @Option(names = "--max-sessions", defaultValue = "64", description = "most open sessions, 1..64")
    int maxSessions;

    @Option(names = "--max-k", defaultValue = "16", description = "most draft tokens per verify, 1..64")
    int maxK;

    @Option(names = "--context", defaultValue = "256", description = "tokens a session may hold")
    int context;

    @Option(names = "--idle-timeout", defaultValue = "300s", paramLabel = "DURATION",
            description = "sessions idle this long are freed")
    Duration idleTimeout;

    @Option(names = "--max-body", defaultValue = "1048576", description = "largest request body in bytes")
    long maxBody;

    @Option(names = {"-t", "--threads"}, description = "llama threads, 1..256 (default: processors, at most 4, at"
            + " most one per CPU of --cpus)")
    Integer threads;

    @Mixin
    CpuOption cpus;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        ServerLimits limits = new ServerLimits(maxConnections, maxRequests, maxQueue, headerTimeout, bodyTimeout,
                minDataRate);
        String secret = BearerToken.resolve(token, tokenFile, System.getenv());
        VerifierConfig config = new VerifierConfig(host, port, secret, maxBatch, Duration.ofMillis(maxWaitMs),
                maxSessions, maxK, idleTimeout, context, maxBody, cpus.threads(threads), limits, allowUnauthenticated,
                cpus.get());
        if (backend == null && (backendModel != null || apiKeyEnv != null)) {
            throw new ConfigSpecException((backendModel != null ? "--backend-model" : "--api-key-env")
                    + " needs --backend URL");
        }
        if (backend != null && config.cpus() != null) {
            throw new ConfigSpecException("--cpus pins the in-process target's decoding: with --backend the target"
                    + " decodes in the serving engine (pin that process instead)");
        }
        Endpoint endpoint = backend == null ? null : Endpoint.of(backend, backendApi, backendModel, apiKeyEnv);
        LlamaModel m = LlamaModel.load(ModelStore.defaultStore().resolve(model));
        VerifierServer server;
        try {
            server = endpoint == null ? VerifierServer.start(config, m) : VerifierServer.start(config, m,
                    EngineBackend.open(endpoint, m, backendTopN, config.maxBatch(), config.maxK()));
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
        RequestWarmUp.Result warm = server.warmUp(WARM_UP_BUDGET);
        err.println("configspec serve: verifying with " + (endpoint == null ? model : server.backend()) + " on "
                + server.url() + " (Ctrl-C stops)");
        err.println("configspec serve: " + LlamaRuntime.get().describe());
        err.println(String.format(java.util.Locale.ROOT, "configspec serve: request path warmed up (%d requests over"
                + " loopback, %.2f s)", warm.requests(), warm.took().toNanos() / 1e9));
        if (server.passCosts() != null) {
            err.println(String.format(java.util.Locale.ROOT, "configspec serve: a llama.cpp pass %.2f ms, a padding"
                    + " token %.3f ms (measured now): sessions in non-consecutive slots are padded into one pass where"
                    + " that is cheaper", server.passCosts().passS() * 1e3, server.passCosts().padTokenS() * 1e3));
        }
        if (config.cpus() != null) {
            err.println("configspec serve: decoding pinned to " + config.cpus().describe() + " (" + config.threads()
                    + " llama thread(s))");
        }
        if (server.config().token() == null && server.config().allowUnauthenticated()) {
            err.println("configspec serve: WARNING: no token on " + server.url() + ": anyone who can reach it can use"
                    + " it (--allow-unauthenticated)");
        }
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        VerifierServer s = server;
        LlamaModel loaded = m;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            s.close();
            loaded.close();
            stopped.countDown();
        }, "configspec-serve-stop"));
        stopped.await();
        return 0;
    }
}
