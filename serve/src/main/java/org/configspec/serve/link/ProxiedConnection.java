package org.configspec.serve.link;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connection and its upstream connection, joined by an uplink and a downlink {@link Pump}. Half-close
 * travels through: a client's shutdownOutput reaches upstream as a delayed end of stream, and the other direction
 * keeps flowing until upstream ends it too; then both sockets close. Any error closes both sockets at once.
 */
final class ProxiedConnection {
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final TcpLink link;
    private final long id;
    private final Socket client;
    private final Socket upstream = new Socket();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger cleanEnds = new AtomicInteger();
    private volatile Pump up;
    private volatile Pump down;
    private volatile Thread setup;

    ProxiedConnection(TcpLink link, long id, Socket client) {
        this.link = link;
        this.id = id;
        this.client = client;
    }

    /** Connects upstream on a new thread (the acceptor never blocks on it), then starts both pumps. */
    void start() {
        setup = new Thread(this::connect, "link-c" + id + "-connect");
        setup.setDaemon(true);
        setup.start();
    }

    private void connect() {
        try {
            upstream.connect(link.spec().upstream().address(), CONNECT_TIMEOUT_MS);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            LinkSpec spec = link.spec();
            up = new Pump("link-c" + id + "-up", client, upstream,
                    direction(spec.uplink(), link.uplinkSerializer(), 0),
                    link.uplinkCounters(), spec.uplink().bandwidth(), this::ended);
            down = new Pump("link-c" + id + "-down", upstream, client,
                    direction(spec.downlink(), link.downlinkSerializer(), 1),
                    link.downlinkCounters(), spec.downlink().bandwidth(), this::ended);
            if (closed.get()) {
                return;
            }
            up.start();
            down.start();
            if (closed.get()) {
                up.interrupt();
                down.interrupt();
            }
        } catch (IOException e) {
            abort();
        }
    }

    /** Direction d (0 = up, 1 = down) of this connection, with the link's scheduled delay changes. */
    private DirectionModel direction(DirectionSpec d, Serializer serializer, int direction) {
        LinkSpec spec = link.spec();
        int n = spec.changes().size();
        long[] after = new long[n];
        long[] delay = new long[n];
        for (int i = 0; i < n; i++) {
            DelayChange c = spec.changes().get(i);
            after[i] = c.at().toNanos();
            delay[i] = (direction == 0 ? c.upDelay() : c.downDelay()).toNanos();
        }
        return new DirectionModel(d, serializer, seed(spec.seed(), direction), link.startNanos(), after, delay);
    }

    /** Connection n's direction d draws from its own stream: the same seed replays the same decisions per connection. */
    private long seed(long seed, int direction) {
        return seed ^ (0x9E3779B97F4A7C15L * (2 * id + direction + 1));
    }

    private void ended(Pump pump, boolean clean, Exception error) {
        if (!clean) {
            abort();
        } else if (cleanEnds.incrementAndGet() == 2) {
            finish(false);
        }
    }

    private void abort() {
        finish(true);
    }

    /** Closes both sockets and stops both pumps (the link is closing). */
    void close() {
        finish(false);
    }

    private void finish(boolean error) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(client);
        closeQuietly(upstream);
        Pump u = up;
        Pump d = down;
        if (u != null) {
            u.interrupt();
        }
        if (d != null) {
            d.interrupt();
        }
        link.removed(this, error);
    }

    void join(long deadlineNanos) throws InterruptedException {
        Thread s = setup;
        long left = deadlineNanos - System.nanoTime();
        if (s != null && left > 0) {
            s.join(Math.max(1, left / 1_000_000));
        }
        Pump u = up;
        Pump d = down;
        if (u != null) {
            u.join(deadlineNanos);
        }
        if (d != null) {
            d.join(deadlineNanos);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing: nothing to do
        }
    }
}
