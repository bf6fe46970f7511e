package org.configspec.llm.cpu;

import java.util.Map;
import java.util.concurrent.Callable;
import org.configspec.llm.LlmException;

/**
 * A verifier and its clients on one machine, kept off each other's CPUs: the verifier's decoding (its decode thread
 * and llama.cpp's workers) on {@code verifier}, the clients and everything else the run starts (servers, link,
 * drafting) on {@code rest}. Used where a calibration measured with the verifier alone must hold while clients draft
 * beside it (docs/simulation.md, "Pinning").
 */
public record CpuSplit(CpuSet verifier, CpuSet rest) {
    public CpuSplit {
        if (verifier == null || rest == null) {
            throw new IllegalArgumentException("a CPU split needs the verifier's CPUs and the others");
        }
        CpuSet own = verifier.minus(rest);
        if (own == null || own.size() != verifier.size()) {
            throw new IllegalArgumentException("the verifier's " + verifier.describe() + " overlap the clients' " + rest);
        }
    }

    /**
     * The split of {@code allowed}: the verifier on its first {@code verifierThreads} CPUs (one per llama thread), the
     * rest on the others; null when no CPU would be left for the rest.
     */
    public static CpuSplit of(CpuSet allowed, int verifierThreads) {
        if (verifierThreads < 1 || allowed.size() <= verifierThreads) {
            return null;
        }
        int[] v = allowed.cpus().subList(0, verifierThreads).stream().mapToInt(Integer::intValue).toArray();
        CpuSet verifier = CpuSet.of(v);
        return new CpuSplit(verifier, allowed.minus(verifier));
    }

    /**
     * What {@code flag} asks for: null (not given) pins when this process may use more CPUs than the verifier's
     * threads and the platform pins, true pins or refuses in one line, false does not pin (null).
     */
    public static CpuSplit choose(Boolean asked, int verifierThreads, CpuAffinity affinity, String flag) {
        if (Boolean.FALSE.equals(asked) || verifierThreads < 1) {
            return null; // a thread count below 1 is the caller's to refuse
        }
        CpuSet allowed;
        try {
            allowed = affinity.allowed();
        } catch (LlmException e) {
            if (asked == null) {
                return null;
            }
            throw e;
        }
        CpuSplit s = of(allowed, verifierThreads);
        if (s == null && asked != null) {
            throw new LlmException(flag + ": the verifier's " + verifierThreads + " llama thread(s) need as many CPUs"
                    + " and the clients at least one more; this process may use " + allowed.describe());
        }
        return s;
    }

    /** "verifier decoding on CPU 0, clients and the rest on CPU 1". */
    public String describe() {
        return "verifier decoding on " + verifier.describe() + ", clients and the rest on " + rest.describe();
    }

    /** The verifier's CPUs of {@code split}; null when it is null (not pinned). */
    public static CpuSet verifierOf(CpuSplit split) {
        return split == null ? null : split.verifier();
    }

    /** The other CPUs of {@code split}; null when it is null (not pinned). */
    public static CpuSet restOf(CpuSplit split) {
        return split == null ? null : split.rest();
    }

    /** "pinned: " and {@link #describe()}, or "not pinned" for null. */
    public static String describe(CpuSplit split) {
        return split == null ? "not pinned" : "pinned: " + split.describe();
    }

    /**
     * Runs {@code job} on a new thread with every thread of this process on the rest of {@code split} — the JVM's own
     * (compiler, garbage collector) too — so that everything runs off the verifier's CPUs but the verifier's decoding,
     * which pins itself there; afterwards the threads get their CPUs back ({@link CpuAffinity#pinProcess}). Not pinned
     * when {@code split} is null.
     */
    public static <T> T callOnRest(CpuSplit split, String threadName, Callable<T> job) throws InterruptedException {
        CpuAffinity affinity = CpuAffinity.system();
        if (split == null) {
            return affinity.callPinned(null, threadName, job);
        }
        Map<Integer, CpuSet> before = affinity.pinProcess(split.rest());
        try {
            return affinity.callPinned(split.rest(), threadName, job);
        } finally {
            affinity.restore(before);
        }
    }
}
