package org.configspec.serve.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;

/**
 * The request-header deadline: once the first byte of a request has arrived on a connection, its headers must be
 * complete within {@link ServerLimits#headerTimeout()}, whatever the trickle (a byte every few seconds keeps Jetty's
 * idle timeout from ever firing). A sweep every {@value #SWEEP_MS} ms compares each open connection's received byte
 * count with the count when its last request ended; the {@link RequestGate} says when requests start and end.
 * Connections that stay silent are Jetty's idle timeout's business.
 */
public final class HeaderDeadline implements Connection.Listener, AutoCloseable {
    static final long SWEEP_MS = 250;

    /** One connection between requests: bytes received when the last request ended, and when more were first seen. */
    private static final class State {
        volatile boolean inRequest;
        volatile long bytesAtIdle;
        volatile long firstByteNanos;
    }

    private final long timeoutNanos;
    private final Map<Connection, State> open = new ConcurrentHashMap<>();
    private final AtomicLong closed = new AtomicLong();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "configspec-header-deadline");
        t.setDaemon(true);
        return t;
    });

    public HeaderDeadline(ServerLimits limits) {
        this.timeoutNanos = limits.headerTimeout().toNanos();
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MS, SWEEP_MS, TimeUnit.MILLISECONDS);
    }

    /** Open connections now. */
    public int connections() {
        return open.size();
    }

    /** Connections closed because their headers missed the deadline. */
    public long expired() {
        return closed.get();
    }

    @Override
    public void onOpened(Connection connection) {
        open.put(connection, new State());
    }

    @Override
    public void onClosed(Connection connection) {
        open.remove(connection);
    }

    void requestStarted(Connection connection) {
        State s = connection == null ? null : open.get(connection);
        if (s != null) {
            s.inRequest = true;
        }
    }

    void requestEnded(Connection connection) {
        State s = connection == null ? null : open.get(connection);
        if (s != null) {
            s.bytesAtIdle = connection.getBytesIn();
            s.firstByteNanos = 0;
            s.inRequest = false;
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Map.Entry<Connection, State> e : open.entrySet()) {
            State s = e.getValue();
            Connection c = e.getKey();
            if (s.inRequest || c.getBytesIn() <= s.bytesAtIdle) {
                continue;
            }
            if (s.firstByteNanos == 0) {
                s.firstByteNanos = now;
            } else if (now - s.firstByteNanos > timeoutNanos) {
                closed.incrementAndGet();
                open.remove(c);
                c.getEndPoint().close();
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
