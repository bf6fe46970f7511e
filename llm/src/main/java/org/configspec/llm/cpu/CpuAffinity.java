package org.configspec.llm.cpu;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.configspec.llm.LlmException;

/**
 * Which CPUs a thread may run on: the seam between ConfigSpec and the operating system's scheduler. On Linux
 * ({@link LinuxCpuAffinity}) a thread is pinned with {@code sched_setaffinity}; elsewhere every call is refused with one
 * line ({@link Unsupported}). A thread keeps its pinning until it is pinned again, and the threads it starts inherit it.
 * <p>How llama.cpp's threads are covered: a {@code LlamaSession} with CPUs pins the thread that calls
 * {@code llama_decode} (it computes: ggml's worker 0 is the calling thread) and hands the same CPUs to ggml's CPU
 * threadpool as its mask, which each of its workers applies to itself (see
 * {@code llm/src/main/java/org/configspec/llm/engine/CpuThreadpool.java}).
 */
public interface CpuAffinity {
    /** The CPUs this process could run on when ConfigSpec first asked (before it pinned any thread). */
    CpuSet allowed();

    /** The CPUs the calling thread may run on now. */
    CpuSet currentThread();

    /**
     * Pins the calling thread to {@code cpus} (cheap when it is already pinned there by this object); refuses, with
     * one line naming them, CPUs this process may not use.
     */
    void pinCurrentThread(CpuSet cpus);

    /**
     * Pins every thread of this process as it is now — the JVM's own (compiler, garbage collector) included — to
     * {@code cpus}, and returns what each could use before, for {@link #restore}. Threads started later inherit the
     * pinning of the thread that starts them.
     */
    Map<Integer, CpuSet> pinProcess(CpuSet cpus);

    /** Gives the threads of {@code before} (those still alive) back the CPUs they had. */
    void restore(Map<Integer, CpuSet> before);

    /**
     * Refuses (one line: {@code what}, the CPUs not available, the ones that are) a set with a CPU this process may not
     * use, before anything is loaded.
     */
    default CpuSet requireAllowed(CpuSet cpus, String what) {
        CpuSet missing = cpus.minus(allowed());
        if (missing != null) {
            throw new LlmException(what + " " + cpus + ": " + missing.describe() + " not available to this process"
                    + " (it may run on " + allowed() + ")");
        }
        return cpus;
    }

    /**
     * Runs {@code job} on a new thread pinned to {@code cpus} (null: not pinned) and waits for it, so that every thread
     * the job starts (servers, pools, clients) inherits the pinning and the caller's own thread is left as it was.
     * The job's unchecked exceptions and errors are rethrown as they are.
     */
    default <T> T callPinned(CpuSet cpus, String threadName, Callable<T> job) throws InterruptedException {
        if (cpus != null) {
            requireAllowed(cpus, "CPUs");
        }
        FutureTask<T> task = new FutureTask<>(() -> {
            if (cpus != null) {
                pinCurrentThread(cpus);
            }
            return job.call();
        });
        Thread t = new Thread(task, threadName);
        t.start();
        try {
            return task.get();
        } catch (InterruptedException e) {
            t.interrupt();
            throw e;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            if (c instanceof InterruptedException ie) {
                throw ie;
            }
            throw new IllegalStateException(c);
        }
    }

    /** The platform's implementation: {@link LinuxCpuAffinity} on Linux, else {@link Unsupported}. */
    static CpuAffinity system() {
        return Holder.SYSTEM;
    }

    /** Every call refused in one line: not Linux, or the C library's calls could not be bound. */
    final class Unsupported implements CpuAffinity {
        private final String why;

        /** @param why what is missing, e.g. "implemented for Linux only; this is Windows 11" */
        Unsupported(String why) {
            this.why = why;
        }

        private LlmException refusal() {
            return new LlmException("pinning threads to CPUs is not available here (" + why + ")");
        }

        @Override
        public CpuSet requireAllowed(CpuSet cpus, String what) {
            throw new LlmException(what + " " + cpus + ": " + refusal().getMessage());
        }

        @Override
        public CpuSet allowed() {
            throw refusal();
        }

        @Override
        public CpuSet currentThread() {
            throw refusal();
        }

        @Override
        public void pinCurrentThread(CpuSet cpus) {
            throw refusal();
        }

        @Override
        public Map<Integer, CpuSet> pinProcess(CpuSet cpus) {
            throw refusal();
        }

        @Override
        public void restore(Map<Integer, CpuSet> before) {
            throw refusal();
        }
    }

    /** Lazily created once per JVM. */
    final class Holder {
        static final CpuAffinity SYSTEM = create();

        private Holder() {
        }

        private static CpuAffinity create() {
            String os = System.getProperty("os.name", "");
            if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
                return new Unsupported("implemented for Linux only; this is " + os);
            }
            try {
                return LinuxCpuAffinity.load();
            } catch (LlmException e) {
                // refused where it is used, in one line, rather than failing this class's initialisation
                return new Unsupported(e.getMessage());
            }
        }
    }
}
