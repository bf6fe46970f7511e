package org.configspec.cli.commands;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.units.Durations;
import org.configspec.serve.link.Bandwidth;
import org.configspec.serve.link.DelayChange;
import org.configspec.serve.link.DirectionSpec;
import org.configspec.serve.link.HostPort;
import org.configspec.serve.link.Link;
import org.configspec.serve.link.LinkEmulator;
import org.configspec.serve.link.LinkSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * configspec link: an emulated edge network between a client and a server on one machine (a TCP proxy adding
 * delay, jitter, a bandwidth limit, loss stalls and periodic stalls). Every option is typed; a bad value is one line
 * on stderr and exit code 2 through the root command's mapper.
 */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"Emulates an edge-cloud network link on one machine: a TCP proxy from --listen to --upstream that"
                + " adds one-way delay, jitter (never reordering), a bandwidth limit and loss as retransmission-like stalls,"
                + " per direction (up = client to upstream). Prints a stats line on exit (Ctrl-C), every --stats-every,"
                + " and on Enter when run in a terminal.",
                "Rates: a plain number, bit, kbit, mbit, gbit are bits/s; bps, kbps, mbps, gbps are BYTES/s as in tc"
                + " (1mbps = 8 Mbit/s); also Mb/s (bits) and MB/s (bytes). Durations: 50ms, 0.05s or 0.05 (seconds)."})
public final class LinkCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT",
            description = "Where clients connect (port 0 = any free port).")
    HostPort listen;

    @Option(names = "--upstream", required = true, paramLabel = "HOST:PORT", description = "The server the link forwards to.")
    HostPort upstream;

    @Option(names = "--delay", paramLabel = "DURATION", defaultValue = "0", description = "One-way delay, each direction.")
    Duration delay;

    @Option(names = "--up-delay", paramLabel = "DURATION", description = "Uplink (client to upstream) delay; default --delay.")
    Duration upDelay;

    @Option(names = "--down-delay", paramLabel = "DURATION", description = "Downlink delay; default --delay.")
    Duration downDelay;

    @Option(names = "--jitter", paramLabel = "DURATION", defaultValue = "0",
            description = "Uniform random extra delay in [0, jitter] per chunk, each direction; byte order is kept.")
    Duration jitter;

    @Option(names = "--bandwidth", paramLabel = "RATE", defaultValue = "unlimited",
            description = "Rate of each direction, shared by all connections (10mbit, 1MB/s).")
    Bandwidth bandwidth;

    @Option(names = "--up-bandwidth", paramLabel = "RATE", description = "Uplink rate; default --bandwidth.")
    Bandwidth upBandwidth;

    @Option(names = "--down-bandwidth", paramLabel = "RATE", description = "Downlink rate; default --bandwidth.")
    Bandwidth downBandwidth;

    @Option(names = "--loss", paramLabel = "P", defaultValue = "0",
            description = "Probability in [0, 1] that a 1460-byte segment is lost; its chunk (and those behind it) waits"
                    + " --loss-stall.")
    double loss;

    @Option(names = "--loss-stall", paramLabel = "DURATION",
            description = "The retransmission stall of a loss. Default: max(200ms, up + down delay).")
    Duration lossStall;

    @Option(names = "--stall-every", paramLabel = "N", defaultValue = "0",
            description = "Stall every N-th 1460-byte segment by --stall (0 = never).")
    long stallEvery;

    @Option(names = "--stall", paramLabel = "DURATION", description = "The periodic stall (needs --stall-every).")
    Duration stall;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of jitter and loss; the same seed and bytes give the same stalls.")
    long seed;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Stop after this long (default: run until interrupted).")
    Duration duration;

    @Option(names = "--stats-every", paramLabel = "DURATION", description = "Print the stats line this often.")
    Duration statsEvery;

    @Option(names = "--then-at", paramLabel = "DURATION",
            description = "A scheduled change: this long after the link starts, the one-way delay of each direction"
                    + " becomes --delay-after (needs --delay-after).")
    Duration thenAt;

    @Option(names = "--delay-after", paramLabel = "DURATION",
            description = "One-way delay, each direction, from --then-at on (a handover to a slower network).")
    Duration delayAfter;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        LinkSpec linkSpec = linkSpec();
        if (statsEvery != null && statsEvery.isZero()) {
            throw new ConfigSpecException("bad duration for --stats-every: 0 (allowed: > 0)");
        }
        Link link = LinkEmulator.start(linkSpec);
        out.println("link: listening on " + new HostPort(linkSpec.listen().host(), link.localPort()) + " -> "
                + linkSpec.upstream() + "; up: " + linkSpec.uplink().describe() + "; down: "
                + linkSpec.downlink().describe() + "; seed " + linkSpec.seed() + linkSpec.scheduleText());
        out.flush();
        return serve(link, out, duration, statsEvery);
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
        Duration up = upDelay == null ? delay : upDelay;
        Duration down = downDelay == null ? delay : downDelay;
        Duration rto = lossStall == null ? LinkSpec.defaultLossStall(up, down) : lossStall;
        if (stallEvery < 0) {
            throw new ConfigSpecException("bad count for --stall-every: " + stallEvery
                    + " (allowed: an integer >= 0 segments, 0 = never)");
        }
        if (stallEvery > 0 && stall == null) {
            throw new ConfigSpecException("missing --stall for --stall-every " + stallEvery
                    + " (allowed: a duration, e.g. --stall 200ms)");
        }
        if (stallEvery == 0 && stall != null) {
            throw new ConfigSpecException("--stall " + Durations.format(stall)
                    + " needs --stall-every N (allowed: N >= 1 segments)");
        }
        if (!(loss >= 0 && loss <= 1)) {
            throw new ConfigSpecException("bad probability for --loss: " + loss
                    + " (allowed: a number in [0, 1], e.g. 0.01)");
        }
        DirectionSpec common = DirectionSpec.IDEAL.withJitter(jitter).withLoss(loss, rto)
                .withStalls(stallEvery, stall == null ? Duration.ZERO : stall);
        Bandwidth upRate = upBandwidth == null ? bandwidth : upBandwidth;
        Bandwidth downRate = downBandwidth == null ? bandwidth : downBandwidth;
        if ((thenAt == null) != (delayAfter == null)) {
            throw new ConfigSpecException("--then-at and --delay-after go together (allowed: both, e.g. --then-at 30s"
                    + " --delay-after 50ms, or neither)");
        }
        List<DelayChange> changes = thenAt == null ? List.of() : List.of(new DelayChange(thenAt, delayAfter, delayAfter));
        return new LinkSpec(listen, upstream, common.withDelay(up).withBandwidth(upRate),
                common.withDelay(down).withBandwidth(downRate), seed, changes);
    }
}
