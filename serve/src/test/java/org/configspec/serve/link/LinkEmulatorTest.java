package org.configspec.serve.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The emulator over real loopback sockets with an echo server upstream. Timing assertions are lower bounds (the
 * emulator may be late on a busy machine, never early); upper bounds only where a hang must be caught.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LinkEmulatorTest {
    private static final int SOCKET_TIMEOUT_MS = 15_000;

    private EchoServer echo;
    private final List<Link> links = new ArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-client");
        t.setDaemon(true);
        return t;
    });

    @BeforeEach
    void startEcho() throws IOException {
        echo = new EchoServer();
    }

    @AfterEach
    void stop() throws IOException {
        links.forEach(Link::close);
        pool.shutdownNow();
        echo.close();
    }

    private Link link(DirectionSpec up, DirectionSpec down, long seed) {
        Link link = LinkEmulator.start(new LinkSpec(new HostPort("127.0.0.1", 0), echo.address(), up, down, seed));
        links.add(link);
        return link;
    }

    private Link link(DirectionSpec both) {
        return link(both, both, 1);
    }

    private static Socket connect(Link link) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), link.localPort());
        s.setTcpNoDelay(true);
        s.setSoTimeout(SOCKET_TIMEOUT_MS);
        return s;
    }

    /** Writes the payload (then half-closes) on one thread while reading the echo to its end on this one. */
    private byte[] echoThrough(Link link, byte[] payload) throws Exception {
        try (Socket s = connect(link)) {
            Future<?> writer = pool.submit(() -> {
                OutputStream out = s.getOutputStream();
                for (int off = 0; off < payload.length; off += 8192) {
                    out.write(payload, off, Math.min(8192, payload.length - off));
                }
                s.shutdownOutput();
                return null;
            });
            byte[] back = s.getInputStream().readAllBytes();
            writer.get(SOCKET_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return back;
        }
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    private static long roundTripNanos(Socket s) throws IOException {
        long start = System.nanoTime();
        s.getOutputStream().write(42);
        assertThat(s.getInputStream().read()).isEqualTo(42);
        return System.nanoTime() - start;
    }

    @Test
    void bytesPassUnchangedAndInOrderBothWaysOnConcurrentConnectionsEvenWithJitter() throws Exception {
        Link link = link(DirectionSpec.IDEAL.withDelay(Duration.ofMillis(2)).withJitter(Duration.ofMillis(8)));
        int[] sizes = {3_000_000, 1_000_000, 250_000, 65_537, 1};
        List<Future<byte[]>> results = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            byte[] payload = random(sizes[i], i);
            payloads.add(payload);
            results.add(pool.submit(() -> echoThrough(link, payload)));
        }
        for (int i = 0; i < sizes.length; i++) {
            byte[] back = results.get(i).get(25, TimeUnit.SECONDS);
            assertThat(back.length).isEqualTo(sizes[i]);
            assertThat(Arrays.equals(back, payloads.get(i))).as("connection %d echoes its bytes in order", i).isTrue();
        }
        long total = Arrays.stream(sizes).asLongStream().sum();
        LinkStats stats = link.stats();
        assertThat(stats.uplink().bytes()).isEqualTo(total);
        assertThat(stats.downlink().bytes()).isEqualTo(total);
        assertThat(stats.accepted()).isEqualTo(sizes.length);
        assertThat(stats.aborted()).isZero();
    }

    @Test
    void aOneWayDelayOf50MsMakesARoundTripTakeAtLeast100Ms() throws Exception {
        Link link = link(DirectionSpec.IDEAL.withDelay(Duration.ofMillis(50)));
        try (Socket s = connect(link)) {
            long[] rtts = new long[5];
            for (int i = 0; i < rtts.length; i++) {
                rtts[i] = roundTripNanos(s);
                assertThat(rtts[i]).isGreaterThanOrEqualTo(100_000_000L).isLessThan(5_000_000_000L);
            }
            Arrays.sort(rtts);
            System.out.printf("link: delay 50 ms each way: RTT median %.1f ms, min %.1f, max %.1f (n = 5)%n",
                    rtts[2] / 1e6, rtts[0] / 1e6, rtts[4] / 1e6);
        }
    }

    @Test
    void aScheduledDelayChangeSlowsTheRoundTripsThatStartAfterIt() throws Exception {
        DirectionSpec fast = DirectionSpec.IDEAL.withDelay(Duration.ofMillis(1));
        LinkSpec spec = new LinkSpec(new HostPort("127.0.0.1", 0), echo.address(), fast, fast, 1,
                List.of(new DelayChange(Duration.ofMillis(300), Duration.ofMillis(60), Duration.ofMillis(40))));
        Link link = LinkEmulator.start(spec);
        links.add(link);
        assertThat(spec.describe()).endsWith("; then from 300 ms: delay up 60 ms, down 40 ms");
        try (Socket s = connect(link)) {
            // round trips until the change is due; then every round trip takes at least the new 100 ms
            long start = System.nanoTime();
            while (System.nanoTime() - start < 300_000_000L) {
                roundTripNanos(s);
            }
            for (int i = 0; i < 3; i++) {
                assertThat(roundTripNanos(s)).isGreaterThanOrEqualTo(100_000_000L).isLessThan(5_000_000_000L);
            }
        }
        assertThatThrownBy(() -> spec.withChanges(List.of(new DelayChange(Duration.ofSeconds(1), Duration.ZERO,
                Duration.ZERO), new DelayChange(Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO))))
                .hasMessage("bad link schedule: two changes at from 1 s: delay 0 ms (allowed: one change per time)");
    }

    @Test
    void uplinkAndDownlinkDelaysAddUpInARoundTrip() throws Exception {
        Link link = link(DirectionSpec.IDEAL.withDelay(Duration.ofMillis(20)),
                DirectionSpec.IDEAL.withDelay(Duration.ofMillis(90)), 1);
        try (Socket s = connect(link)) {
            assertThat(roundTripNanos(s)).isGreaterThanOrEqualTo(110_000_000L);
        }
    }

    @Test
    void aBandwidthLimitMakesNBytesTakeAtLeastNTimes8OverBSeconds() throws Exception {
        double bitsPerSecond = 4e6;
        int n = 400_000;
        Link link = link(DirectionSpec.IDEAL.withBandwidth(Bandwidth.bitsPerSecond(bitsPerSecond)),
                DirectionSpec.IDEAL, 1);
        byte[] payload = random(n, 9);
        long start = System.nanoTime();
        byte[] back = echoThrough(link, payload);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(back).hasSize(n);
        double oneChunk = Pump.chunkSize(link.spec().uplink().bandwidth()) * 8 / bitsPerSecond;
        assertThat(seconds).isGreaterThanOrEqualTo(n * 8 / bitsPerSecond - oneChunk);
        System.out.printf("link: %d B through a 4 Mbit/s uplink in %.3f s = %.2f Mbit/s (floor %.3f s)%n",
                n, seconds, n * 8 / seconds / 1e6, n * 8 / bitsPerSecond);
    }

    @Test
    void aLostSegmentStallsItsChunkByTheLossStall() throws Exception {
        Link link = link(DirectionSpec.IDEAL.withLoss(1.0, Duration.ofMillis(250)));
        try (Socket s = connect(link)) {
            assertThat(roundTripNanos(s)).as("stalled once up and once down").isGreaterThanOrEqualTo(500_000_000L);
        }
        assertThat(link.stats().uplink().lossStalls()).isEqualTo(1);
        assertThat(link.stats().downlink().lossStalls()).isEqualTo(1);
    }

    @Test
    void theSameSeedGivesTheSameLossesForTheSameBytes() throws Exception {
        DirectionSpec lossy = DirectionSpec.IDEAL.withLoss(0.05, Duration.ofMillis(5));
        byte[] payload = random(1460 * 400, 3);
        long[] lost = new long[2];
        for (int run = 0; run < 2; run++) {
            Link link = link(lossy, lossy, 42);
            assertThat(echoThrough(link, payload)).isEqualTo(payload);
            DirectionStats up = link.stats().uplink();
            lost[run] = up.lostSegments();
            assertThat(up.lossStalls()).isPositive().isLessThanOrEqualTo(up.lostSegments());
            System.out.println("link: seed 42, loss 0.05, 400 segments: " + link.stats().line());
        }
        assertThat(lost[0]).isEqualTo(lost[1]).isBetween(5L, 50L);
    }

    @Test
    void periodicStallsDelayEveryNthSegment() throws Exception {
        Link link = link(DirectionSpec.IDEAL.withStalls(1, Duration.ofMillis(150)), DirectionSpec.IDEAL, 1);
        try (Socket s = connect(link)) {
            assertThat(roundTripNanos(s)).isGreaterThanOrEqualTo(150_000_000L);
        }
        assertThat(link.stats().uplink().periodicStalls()).isEqualTo(1);
        assertThat(link.stats().downlink().stalls()).isZero();
    }

    @Test
    void periodicStallsInABulkTransferAddUp() throws Exception {
        // 100 segments, a 100 ms stall every 25th: 4 stalls that cannot overlap
        Link link = link(DirectionSpec.IDEAL.withStalls(25, Duration.ofMillis(100)), DirectionSpec.IDEAL, 1);
        byte[] payload = random(1460 * 100, 11);
        long start = System.nanoTime();
        assertThat(echoThrough(link, payload)).isEqualTo(payload);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(400_000_000L);
        assertThat(link.stats().uplink().stalledSegments()).isEqualTo(4);
    }

    @Test
    void halfCloseTravelsThroughAndTheOtherDirectionKeepsFlowing() throws Exception {
        Link link = link(DirectionSpec.IDEAL.withDelay(Duration.ofMillis(50)));
        try (Socket s = connect(link)) {
            s.getOutputStream().write("hello".getBytes());
            long start = System.nanoTime();
            s.shutdownOutput();
            // the echo server sends its reply and half-closes only after our end of stream has reached it
            InputStream in = s.getInputStream();
            assertThat(new String(in.readAllBytes())).isEqualTo("hello");
            assertThat(System.nanoTime() - start).as("end of stream took the delay each way").isGreaterThanOrEqualTo(100_000_000L);
        }
    }

    @Test
    void closingTheLinkClosesClientConnectionsAndStopsAccepting() throws Exception {
        Link link = link(DirectionSpec.IDEAL.withDelay(Duration.ofMillis(5)));
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket s = connect(link);
                clients.add(s);
                roundTripNanos(s);
            }
            assertThat(link.stats().open()).isEqualTo(3);
            int port = link.localPort();
            link.close();
            for (Socket s : clients) {
                assertThat(readEndOrReset(s.getInputStream())).isTrue();
            }
            assertThat(link.stats().open()).isZero();
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                    .isInstanceOf(IOException.class);
        } finally {
            for (Socket s : clients) {
                s.close();
            }
        }
    }

    private static boolean readEndOrReset(InputStream in) throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Test
    void anUnreachableUpstreamClosesTheClientAndCountsAsAborted() throws Exception {
        int deadPort;
        try (ServerSocket dead = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = dead.getLocalPort();
        }
        Link link = LinkEmulator.start(LinkSpec.symmetric(new HostPort("127.0.0.1", 0),
                new HostPort("127.0.0.1", deadPort), DirectionSpec.IDEAL, 1));
        links.add(link);
        try (Socket s = connect(link)) {
            assertThat(readEndOrReset(s.getInputStream())).isTrue();
        }
        for (int i = 0; i < 100 && link.stats().aborted() == 0; i++) {
            Thread.sleep(20);
        }
        assertThat(link.stats().aborted()).isEqualTo(1);
    }

    @Test
    void statsCountBytesAndChunksPerDirection() throws Exception {
        Link link = link(DirectionSpec.IDEAL);
        byte[] payload = random(100_000, 5);
        assertThat(echoThrough(link, payload)).isEqualTo(payload);
        LinkStats stats = link.stats();
        assertThat(stats.uplink().bytes()).isEqualTo(100_000);
        assertThat(stats.uplink().chunks()).isPositive();
        assertThat(stats.line()).startsWith("link: 1 connections").contains("up: 100000 B in ")
                .contains("down: 100000 B in ").doesNotContain("\n");
    }

    @Test
    void listeningOnABusyPortIsAOneLineUserError() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LinkEmulator.start(LinkSpec.symmetric(new HostPort("127.0.0.1", busy.getLocalPort()),
                    echo.address(), DirectionSpec.IDEAL, 1)))
                    .isInstanceOf(org.configspec.core.error.ConfigSpecException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + busy.getLocalPort())
                    .hasMessageNotContaining("\n");
        }
    }

}
