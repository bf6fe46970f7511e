package org.configspec.cli.commands;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.serve.link.Bandwidth;
import org.configspec.serve.link.DirectionSpec;
import org.configspec.serve.link.Durations;
import org.configspec.serve.link.HostPort;
import org.configspec.serve.link.Link;
import org.configspec.serve.link.LinkEmulator;
import org.configspec.serve.link.LinkSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * configspec link: an emulated edge network between a client and a server on one machine (a TCP proxy adding
 * delay, jitter, a bandwidth limit, loss stalls and periodic stalls). Values are taken as text and parsed here so
 * that every bad value is one line on stderr and exit code 2, with or without the launcher's error handlers.
 */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"Emulates an edge-cloud network link on one machine: a TCP proxy from --listen to --upstream that"
                + " adds one-way delay, jitter (never reordering), a bandwidth limit and loss as retransmission-like stalls,"
                + " per direction (up = client to upstream). Prints a stats line on exit (Ctrl-C), every --stats-every,"
                + " and on Enter when run in a terminal.",
                "Rates: a plain number, bit, kbit, mbit, gbit are bits/s; bps, kbps, mbps, gbps are BYTES/s as in tc"
                + " (1mbps = 8 Mbit/s); also Mb/s (bits) and MB/s (bytes). Durations: 50ms, 0.05s or 0.05 (seconds)."})
public final class LinkCommand implements java.util.concurrent.Callable<Integer> {
    private static final int USER_ERROR = 2;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Where clients connect (port 0 = any free port).")
    String listen;

    @Option(names = "--upstream", paramLabel = "HOST:PORT", description = "The server the link forwards to.")
    String upstream;

    @Option(names = "--delay", paramLabel = "DURATION", defaultValue = "0",
            description = "One-way delay, each direction. Default: ${DEFAULT-VALUE}.")
    String delay;

    @Option(names = "--up-delay", paramLabel = "DURATION", description = "Uplink (client to upstream) delay; default --delay.")
    String upDelay;

    @Option(names = "--down-delay", paramLabel = "DURATION", description = "Downlink delay; default --delay.")
    String downDelay;

    @Option(names = "--jitter", paramLabel = "DURATION", defaultValue = "0",
            description = "Uniform random extra delay in [0, jitter] per chunk, each direction; byte order is kept."
                    + " Default: ${DEFAULT-VALUE}.")
    String jitter;

    @Option(names = "--bandwidth", paramLabel = "RATE", defaultValue = "unlimited",
            description = "Rate of each direction, shared by all connections (10mbit, 1MB/s). Default: ${DEFAULT-VALUE}.")
    String bandwidth;

    @Option(names = "--up-bandwidth", paramLabel = "RATE", description = "Uplink rate; default --bandwidth.")
    String upBandwidth;

    @Option(names = "--down-bandwidth", paramLabel = "RATE", description = "Downlink rate; default --bandwidth.")
    String downBandwidth;

    @Option(names = "--loss", paramLabel = "P", defaultValue = "0",
            description = "Probability that a 1460-byte segment is lost; its chunk (and those behind it) waits --loss-stall."
                    + " Default: ${DEFAULT-VALUE}.")
    String loss;

    @Option(names = "--loss-stall", paramLabel = "DURATION",
            description = "The retransmission stall of a loss. Default: max(200ms, up + down delay).")
    String lossStall;

    @Option(names = "--stall-every", paramLabel = "N", defaultValue = "0",
            description = "Stall every N-th 1460-byte segment by --stall (0 = never). Default: ${DEFAULT-VALUE}.")
    String stallEvery;

    @Option(names = "--stall", paramLabel = "DURATION", description = "The periodic stall (needs --stall-every).")
    String stall;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of jitter and loss; the same seed and bytes give the same stalls. Default: ${DEFAULT-VALUE}.")
    String seed;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Stop after this long (default: run until interrupted).")
    String duration;

    @Option(names = "--stats-every", paramLabel = "DURATION", description = "Print the stats line this often.")
    String statsEvery;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LinkSpec linkSpec;
        Duration runFor;
        Duration every;
        Link link;
        try {
            linkSpec = linkSpec();
            runFor = duration == null ? null : Durations.parse(duration, "--duration");
            every = statsEvery == null ? null : Durations.parse(statsEvery, "--stats-every");
            if (every != null && every.isZero()) {
                throw new ConfigSpecException("bad duration for --stats-every: '" + statsEvery + "' (allowed: > 0)");
            }
            link = LinkEmulator.start(linkSpec);
        } catch (ConfigSpecException e) {
            err.println("configspec: " + e.getMessage());
            err.flush();
            return USER_ERROR;
        }
        out.println("link: listening on " + new HostPort(linkSpec.listen().host(), link.localPort()) + " -> "
                + linkSpec.upstream() + "; up: " + linkSpec.uplink().describe() + "; down: "
                + linkSpec.downlink().describe() + "; seed " + linkSpec.seed());
        out.flush();
        return serve(link, out, runFor, every);
    }

    private int serve(Link link, PrintWriter out, Duration runFor, Duration every) throws InterruptedException {
        AtomicBoolean stopped = new AtomicBoolean();
        CountDownLatch forever = new CountDownLatch(1);
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                link.close();
                printStats(link, out);
            }
        };
        Thread hook = new Thread(stop, "link-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "link-stats");
            t.setDaemon(true);
            return t;
        });
        try {
            if (every != null) {
                long ms = Math.max(1, every.toMillis());
                timer.scheduleAtFixedRate(() -> printStats(link, out), ms, ms, TimeUnit.MILLISECONDS);
            }
            if (System.console() != null) {
                statsOnEnter(link, out);
            }
            if (runFor != null) {
                forever.await(runFor.toNanos(), TimeUnit.NANOSECONDS);
            } else {
                forever.await();
            }
        } finally {
            timer.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
            stop.run();
        }
        return 0;
    }

    private static void statsOnEnter(Link link, PrintWriter out) {
        Thread t = new Thread(() -> {
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
                while (in.readLine() != null) {
                    printStats(link, out);
                }
            } catch (IOException ignored) {
                // no terminal any more
            }
        }, "link-stdin");
        t.setDaemon(true);
        t.start();
    }

    private static void printStats(Link link, PrintWriter out) {
        synchronized (out) {
            out.println(link.stats().line());
            out.flush();
        }
    }

    /** Builds the spec from the flags; per-direction flags override the symmetric ones. */
    LinkSpec linkSpec() {
        if (listen == null || upstream == null) {
            throw new ConfigSpecException("missing " + (listen == null ? "--listen" : "--upstream")
                    + " (allowed: HOST:PORT, e.g. --listen 127.0.0.1:7000 --upstream 127.0.0.1:8000)");
        }
        HostPort from = HostPort.parse(listen, "--listen");
        HostPort to = HostPort.parse(upstream, "--upstream");
        Duration both = Durations.parse(delay, "--delay");
        Duration up = upDelay == null ? both : Durations.parse(upDelay, "--up-delay");
        Duration down = downDelay == null ? both : Durations.parse(downDelay, "--down-delay");
        Bandwidth rate = Bandwidth.parse(bandwidth, "--bandwidth");
        Bandwidth upRate = upBandwidth == null ? rate : Bandwidth.parse(upBandwidth, "--up-bandwidth");
        Bandwidth downRate = downBandwidth == null ? rate : Bandwidth.parse(downBandwidth, "--down-bandwidth");
        Duration rto = lossStall == null ? LinkSpec.defaultLossStall(up, down) : Durations.parse(lossStall, "--loss-stall");
        long n = stallEvery(stallEvery);
        if (n > 0 && stall == null) {
            throw new ConfigSpecException("missing --stall for --stall-every " + n + " (allowed: a duration, e.g. --stall 200ms)");
        }
        if (n == 0 && stall != null) {
            throw new ConfigSpecException("--stall " + stall + " needs --stall-every N (allowed: N >= 1 segments)");
        }
        Duration pause = stall == null ? Duration.ZERO : Durations.parse(stall, "--stall");
        DirectionSpec common = DirectionSpec.IDEAL.withJitter(Durations.parse(jitter, "--jitter"))
                .withLoss(probability(loss), rto).withStalls(n, pause);
        return new LinkSpec(from, to, common.withDelay(up).withBandwidth(upRate),
                common.withDelay(down).withBandwidth(downRate), seed(seed));
    }

    private static double probability(String value) {
        try {
            double p = Double.parseDouble(value.trim());
            if (p >= 0 && p <= 1) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigSpecException("bad probability for --loss: '" + value + "' (allowed: a number in [0, 1], e.g. 0.01)");
    }

    private static long stallEvery(String value) {
        try {
            long n = Long.parseLong(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigSpecException("bad count for --stall-every: '" + value + "' (allowed: an integer >= 0 segments, 0 = never)");
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigSpecException("bad seed for --seed: '" + value + "' (allowed: a 64-bit integer)");
        }
    }
}
