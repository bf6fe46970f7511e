package org.configspec.serve.link;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.configspec.core.error.ConfigSpecException;

/**
 * The link over plain blocking {@code java.net} sockets: an acceptor thread, and per connection one thread per
 * direction to read and one to write (see {@link Pump}).
 *
 * <p>Why blocking sockets and threads rather than NIO: the emulator's job is timing, and a thread that sleeps until
 * a chunk's release time and then does a blocking write is the most direct form of "a delay queue of timestamped
 * chunks per direction"; TCP flow control comes for free (a blocked write stops the reader through the bounded
 * queue), and half-close is {@code shutdownOutput}. Four threads per connection are cheap for the tens of
 * connections an edge emulation needs; NIO would save threads at the cost of a hand-written timer wheel and
 * partial-write bookkeeping.
 */
final class TcpLink implements Link {
    private static final long CLOSE_WAIT_NANOS = 5_000_000_000L;

    private final LinkSpec spec;
    private final ServerSocket server;
    private final Serializer uplinkSerializer;
    private final Serializer downlinkSerializer;
    private final DirectionCounters uplinkCounters = new DirectionCounters();
    private final DirectionCounters downlinkCounters = new DirectionCounters();
    private final Set<ProxiedConnection> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong aborted = new AtomicLong();
    private final Thread acceptor;
    private final long startNanos = System.nanoTime();
    private volatile boolean closing;

    private TcpLink(LinkSpec spec, ServerSocket server) {
        this.spec = spec;
        this.server = server;
        this.uplinkSerializer = new Serializer(spec.uplink().bandwidth());
        this.downlinkSerializer = new Serializer(spec.downlink().bandwidth());
        this.acceptor = new Thread(this::accept, "link-accept-" + server.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    static TcpLink start(LinkSpec spec) {
        ServerSocket server;
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(spec.listen().address(), 128);
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            throw new ConfigSpecException("cannot listen on " + spec.listen() + ": " + e.getMessage()
                    + " (allowed: a free local address and port)", e);
        }
        TcpLink link = new TcpLink(spec, server);
        link.acceptor.start();
        return link;
    }

    private void accept() {
        while (!closing) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            ProxiedConnection c = new ProxiedConnection(this, accepted.getAndIncrement(), client);
            open.add(c);
            if (closing) {
                c.close();
                return;
            }
            c.start();
        }
    }

    void removed(ProxiedConnection c, boolean error) {
        open.remove(c);
        if (error && !closing) {
            aborted.incrementAndGet();
        }
    }

    @Override
    public int localPort() {
        return server.getLocalPort();
    }

    @Override
    public LinkSpec spec() {
        return spec;
    }

    @Override
    public LinkStats stats() {
        return new LinkStats(uplinkCounters.snapshot(), downlinkCounters.snapshot(), accepted.get(), open.size(),
                aborted.get());
    }

    @Override
    public void close() {
        closing = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        List<ProxiedConnection> all = new ArrayList<>(open);
        all.forEach(ProxiedConnection::close);
        long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
        try {
            acceptor.join(CLOSE_WAIT_NANOS / 1_000_000);
            for (ProxiedConnection c : all) {
                c.join(deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** When the link started ({@link System#nanoTime()}): the origin of its scheduled delay changes. */
    long startNanos() {
        return startNanos;
    }

    Serializer uplinkSerializer() {
        return uplinkSerializer;
    }

    Serializer downlinkSerializer() {
        return downlinkSerializer;
    }

    DirectionCounters uplinkCounters() {
        return uplinkCounters;
    }

    DirectionCounters downlinkCounters() {
        return downlinkCounters;
    }
}
