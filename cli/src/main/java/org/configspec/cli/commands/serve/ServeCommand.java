package org.configspec.cli.commands.serve;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.model.ModelStore;
import org.configspec.serve.verifier.VerifierConfig;
import org.configspec.serve.verifier.VerifierServer;
import picocli.CommandLine.Command;
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
                "Durations: 300s, 5m, 0.5s or 300 (seconds)."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "target: a default model name or a GGUF path")
    String model;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind")
    String host;

    @Option(names = "--port", defaultValue = "8470", description = "port, 0 = any free")
    int port;

    @Option(names = "--token", description = "bearer token every request but /healthz must carry")
    String token;

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

    @Option(names = {"-t", "--threads"}, description = "llama threads, 1..256 (default: processors, at most 4)")
    Integer threads;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        VerifierConfig config = new VerifierConfig(host, port, token, maxBatch, Duration.ofMillis(maxWaitMs),
                maxSessions, maxK, idleTimeout, context, maxBody,
                threads == null ? org.configspec.llm.engine.ContextOptions.defaultThreads() : threads);
        LlamaModel m = LlamaModel.load(ModelStore.defaultStore().resolve(model));
        VerifierServer server;
        try {
            server = VerifierServer.start(config, m);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
        err.println("configspec serve: verifying with " + model + " on " + server.url() + " (Ctrl-C stops)");
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
