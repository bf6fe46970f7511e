package org.configspec.serve.verifier;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fails the answers not given within one fixed time, checked by one daemon thread every sweep period. The times are
 * all equal, so the order of arrival is the order of the deadlines: watching is one lock-free append, and a sweep reads
 * from the head until the first answer still in time. A timer per answer ({@link CompletableFuture#orTimeout}) costs a
 * wake-up of its timer thread per request (about 0.05 ms of the handler's time on this project's 2-core machine).
 */
final class AnswerDeadlines implements AutoCloseable {
    private record Pending(long deadlineNanos, CompletableFuture<?> answer) {
    }

    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final long timeoutNanos;
    private final String message;
    private final ScheduledExecutorService sweeper;

    /**
     * @param timeout how long an answer may take
     * @param period  how often the sweeper looks (an answer fails between timeout and timeout + period)
     */
    AnswerDeadlines(Duration timeout, Duration period) {
        this.timeoutNanos = timeout.toNanos();
        this.message = "no answer within " + timeout.toMillis() + " ms";
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "configspec-answer-deadlines");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleAtFixedRate(this::sweep, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** {@code answer}, failed with a {@link TimeoutException} unless it completes within the timeout. */
    <T> CompletableFuture<T> watch(CompletableFuture<T> answer) {
        pending.add(new Pending(System.nanoTime() + timeoutNanos, answer));
        return answer;
    }

    /** Answers watched and not yet seen complete or failed by a sweep. */
    int watched() {
        return pending.size();
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Pending p = pending.peek(); p != null; p = pending.peek()) {
            if (!p.answer().isDone() && now - p.deadlineNanos() < 0) {
                return;
            }
            pending.poll();
            p.answer().completeExceptionally(new TimeoutException(message));
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
