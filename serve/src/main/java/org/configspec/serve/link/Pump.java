package org.configspec.serve.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * One direction of one proxied connection: a reader thread stamps each chunk it reads with its release time
 * ({@link DirectionModel}) and queues it; a writer thread takes chunks in order, sleeps until each one's release
 * time and writes it. The FIFO queue keeps byte order by construction. The queue is bounded ({@value #QUEUE_CHUNKS}
 * chunks), so a sender faster than the emulated link is slowed by TCP flow control instead of filling memory; at
 * most {@value #QUEUE_CHUNKS} × chunk size bytes are in flight per direction and connection.
 */
final class Pump {
    static final int QUEUE_CHUNKS = 128;
    /** Largest chunk without a bandwidth limit. */
    static final int MAX_CHUNK = 32 * 1024;

    private record Chunk(byte[] data, int length, Scheduled when) {
        boolean end() {
            return data == null;
        }
    }

    /** Told how a direction ended: {@code clean} when the end of stream was forwarded, false on an error. */
    interface Listener {
        void ended(Pump pump, boolean clean, Exception error);
    }

    private final String name;
    private final Socket from;
    private final Socket to;
    private final DirectionModel model;
    private final DirectionCounters counters;
    private final int chunkSize;
    private final Listener listener;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
    private volatile Thread reader;
    private volatile Thread writer;

    Pump(String name, Socket from, Socket to, DirectionModel model, DirectionCounters counters, Bandwidth bandwidth,
         Listener listener) {
        this.name = name;
        this.from = from;
        this.to = to;
        this.model = model;
        this.counters = counters;
        this.chunkSize = chunkSize(bandwidth);
        this.listener = listener;
    }

    /**
     * Chunks of about 10 ms of serialisation time under a bandwidth limit (between one segment and 16 KiB), so a
     * slow link delivers smoothly rather than in large bursts; {@value #MAX_CHUNK} bytes without a limit.
     */
    static int chunkSize(Bandwidth b) {
        if (b.unlimited()) {
            return MAX_CHUNK;
        }
        double tenMs = b.bitsPerSecond() / 8 * 0.010;
        return (int) Math.max(DirectionModel.SEGMENT, Math.min(16 * 1024, tenMs));
    }

    /** Starts the writer on a new thread and the reader on another. */
    void start() {
        writer = new Thread(this::write, name + "-write");
        writer.setDaemon(true);
        writer.start();
        reader = new Thread(this::read, name + "-read");
        reader.setDaemon(true);
        reader.start();
    }

    void interrupt() {
        Thread r = reader;
        Thread w = writer;
        if (r != null) {
            r.interrupt();
        }
        if (w != null) {
            w.interrupt();
        }
    }

    void join(long deadlineNanos) throws InterruptedException {
        for (Thread t : new Thread[] {reader, writer}) {
            long left = deadlineNanos - System.nanoTime();
            if (t != null && left > 0) {
                t.join(Math.max(1, left / 1_000_000));
            }
        }
    }

    private void read() {
        try {
            InputStream in = from.getInputStream();
            while (true) {
                byte[] buf = new byte[chunkSize];
                int n = in.read(buf);
                long now = System.nanoTime();
                if (n < 0) {
                    queue.put(new Chunk(null, 0, new Scheduled(model.scheduleEnd(now), 0, 0)));
                    return;
                }
                if (n > 0) {
                    queue.put(new Chunk(buf, n, model.schedule(now, n)));
                }
            }
        } catch (IOException | InterruptedException e) {
            listener.ended(this, false, e);
        }
    }

    private void write() {
        try {
            OutputStream out = to.getOutputStream();
            while (true) {
                Chunk c = queue.take();
                waitUntil(c.when().releaseNanos());
                if (c.end()) {
                    try {
                        to.shutdownOutput();
                    } catch (IOException alreadyClosed) {
                        // the far side is gone: nothing left to tell it
                    }
                    listener.ended(this, true, null);
                    return;
                }
                // count before handing the bytes over, so a peer that has read them never sees stale stats
                counters.delivered(c.length(), c.when());
                out.write(c.data(), 0, c.length());
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            listener.ended(this, false, e);
        }
    }

    private static void waitUntil(long releaseNanos) throws InterruptedException {
        for (long now = System.nanoTime(); now < releaseNanos; now = System.nanoTime()) {
            LockSupport.parkNanos(releaseNanos - now);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
