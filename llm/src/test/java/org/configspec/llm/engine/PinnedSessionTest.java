package org.configspec.llm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.configspec.llm.LlmException;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.TestModels;
import org.configspec.llm.ThreadCpus;
import org.configspec.llm.cpu.CpuAffinity;
import org.configspec.llm.cpu.CpuSet;
import org.configspec.llm.model.DefaultModel;
import org.junit.jupiter.api.Test;

/**
 * A session pinned to CPUs runs every thread that computes there: the thread that calls llama_decode and the workers
 * llama.cpp starts for its other threads (the prebuilt libraries start them when the session is created, on the
 * creating thread; an OpenMP build on the first decode, on the decoding thread). The creating and the decoding thread
 * start pinned elsewhere, so that an inherited pinning cannot pass for the one asked. Checked in /proc.
 */
@NeedsLlama
class PinnedSessionTest {
    private static final CpuAffinity AFFINITY = CpuAffinity.system();

    /** What the threads of one session looked like while they were alive. */
    private record Seen(String creatorTid, CpuSet creatorAfter, String decoderTid, CpuSet decoderAfter,
                        int decoderLastCpu, Map<String, CpuSet> workers) {
    }

    /**
     * Creates a session with {@code options} on a thread pinned to {@code elsewhere}, decodes on another thread pinned
     * to {@code elsewhere}, and reads /proc while both are alive: the threads that appeared, named after either of
     * them, are llama.cpp's workers.
     */
    private static Seen run(ContextOptions options, CpuSet elsewhere) throws Exception {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_F32);
        Set<String> before = ThreadCpus.threads().keySet();
        AtomicReference<LlamaSession> session = new AtomicReference<>();
        AtomicReference<String> creator = new AtomicReference<>();
        AtomicReference<String> decoder = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch created = new CountDownLatch(1);
        CountDownLatch decoded = new CountDownLatch(1);
        CountDownLatch inspected = new CountDownLatch(1);
        Thread make = new Thread(() -> guard(failure, created, () -> {
            AFFINITY.pinCurrentThread(elsewhere);
            creator.set(ThreadCpus.selfTid());
            session.set(m.newSession(options));
            created.countDown();
            inspected.await();
        }), "pin-make");
        Thread decode = new Thread(() -> guard(failure, decoded, () -> {
            AFFINITY.pinCurrentThread(elsewhere);
            decoder.set(ThreadCpus.selfTid());
            created.await();
            TokenBatch b = new TokenBatch(32);
            for (int i = 0; i < 32; i++) {
                b.add(100 + i, i, 0, i == 31);
            }
            session.get().decode(b);
            decoded.countDown();
            inspected.await();
        }), "pin-decode");
        make.start();
        decode.start();
        decoded.await();
        try {
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
            Map<String, CpuSet> workers = new HashMap<>();
            ThreadCpus.threads().forEach((tid, name) -> {
                if (!before.contains(tid) && !tid.equals(creator.get()) && !tid.equals(decoder.get())
                        && (name.equals("pin-make") || name.equals("pin-decode"))) {
                    workers.put(tid, ThreadCpus.allowed(tid));
                }
            });
            return new Seen(creator.get(), ThreadCpus.allowed(creator.get()), decoder.get(),
                    ThreadCpus.allowed(decoder.get()), ThreadCpus.lastCpu(decoder.get()), workers);
        } finally {
            inspected.countDown();
            make.join();
            decode.join();
            if (session.get() != null) {
                session.get().close();
            }
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private static void guard(AtomicReference<Throwable> failure, CountDownLatch release, Body body) {
        try {
            body.run();
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            release.countDown();
        }
    }

    private static CpuSet allowed() {
        CpuSet all = AFFINITY.allowed();
        assumeTrue(all.size() >= 2, "pinning is only observable with two CPUs or more; this process may use " + all);
        return all;
    }

    @Test
    void oneThreadDecodesOnTheAskedCpuAndTheCreatingThreadIsLeftAlone() throws Exception {
        CpuSet all = allowed();
        CpuSet first = all.first();
        CpuSet last = CpuSet.of(all.cpus().get(all.size() - 1));
        Seen s = run(ContextOptions.defaults().withThreads(1).withContextSize(64).withBatchCapacity(32).withCpus(first),
                last);
        assertThat(s.decoderAfter()).isEqualTo(first);
        assertThat(s.decoderLastCpu()).isEqualTo(first.cpus().get(0));
        assertThat(s.creatorAfter()).as("the thread that created the session").isEqualTo(last);
        assertThat(s.workers()).as("llama.cpp starts no thread for one").isEmpty();
    }

    @Test
    void everyWorkerOfTwoThreadsRunsOnTheAskedCpus() throws Exception {
        CpuSet all = allowed();
        CpuSet two = CpuSet.of(all.cpus().get(0), all.cpus().get(1));
        CpuSet elsewhere = CpuSet.of(all.cpus().get(1));
        Seen s = run(ContextOptions.defaults().withThreads(2).withContextSize(64).withBatchCapacity(32).withCpus(two),
                elsewhere);
        assertThat(s.workers()).as("llama.cpp's second thread").hasSize(1);
        assertThat(s.workers().values()).containsOnly(two);
        assertThat(s.decoderAfter()).isEqualTo(two);
        assertThat(s.creatorAfter()).as("the thread that created the session").isEqualTo(elsewhere);
    }

    @Test
    void moreThreadsThanCpusOrACpuNotAllowedAreRefused() {
        CpuSet all = AFFINITY.allowed();
        assertThatThrownBy(() -> ContextOptions.defaults().withThreads(2).withCpus(all.first()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 llama threads on " + all.first().describe() + ": allowed at most one thread per pinned"
                        + " CPU (1)");
        int absent = all.cpus().get(all.size() - 1) + 1;
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_F32);
        assertThatThrownBy(() -> m.newSession(ContextOptions.defaults().withThreads(1).withCpus(CpuSet.of(absent))))
                .isInstanceOf(LlmException.class)
                .hasMessage("CPUs " + absent + ": CPU " + absent + " not available to this process (it may run on "
                        + all + ")");
    }
}
