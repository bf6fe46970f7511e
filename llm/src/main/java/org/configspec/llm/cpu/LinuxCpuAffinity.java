package org.configspec.llm.cpu;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.configspec.llm.LlmException;

/**
 * {@link CpuAffinity} through glibc's {@code sched_setaffinity}/{@code sched_getaffinity} with pid 0, which on Linux
 * names the calling thread (not the process), and a thread id ({@code /proc/self/task}) names that thread. Masks are
 * {@code cpu_set_t} of 1024 CPUs read as 64-bit words. The CPUs the process may use are read once, when this class is
 * first used, from the thread that first uses it.
 */
final class LinuxCpuAffinity implements CpuAffinity {
    /** glibc's {@code CPU_SETSIZE} (1024) in 64-bit words. */
    private static final int WORDS = 16;

    /** ESRCH: the thread ended meanwhile. */
    private static final int NO_SUCH_THREAD = 3;

    /** The two libc calls; errno becomes a {@link LastErrorException}. */
    interface CLib extends Library {
        int sched_setaffinity(int pid, NativeLong cpusetsize, long[] mask) throws LastErrorException;

        int sched_getaffinity(int pid, NativeLong cpusetsize, long[] mask) throws LastErrorException;
    }

    private final CLib libc;
    private final CpuSet allowed;
    /**
     * What this object last pinned each thread to, in which epoch, so that a pinned thread costs no system call; a
     * change to other threads ({@link #pinProcess}, {@link #restore}) starts a new epoch.
     */
    private record Pinned(int epoch, CpuSet cpus) {
    }

    private final ThreadLocal<Pinned> pinned = new ThreadLocal<>();
    private final AtomicInteger epoch = new AtomicInteger();

    private LinuxCpuAffinity(CLib libc) {
        this.libc = libc;
        this.allowed = read();
    }

    static LinuxCpuAffinity load() {
        try {
            return new LinuxCpuAffinity(Native.load("c", CLib.class));
        } catch (UnsatisfiedLinkError e) {
            throw new LlmException("cannot load the C library to pin threads to CPUs: " + e.getMessage(), e);
        }
    }

    private CpuSet read() {
        return read(0);
    }

    /** The CPUs of thread {@code tid} (0: the calling thread), or null when it ended. */
    private CpuSet read(int tid) {
        long[] mask = new long[WORDS];
        try {
            libc.sched_getaffinity(tid, new NativeLong(8L * WORDS), mask);
        } catch (LastErrorException e) {
            if (tid != 0 && e.getErrorCode() == NO_SUCH_THREAD) {
                return null;
            }
            throw new LlmException("sched_getaffinity failed (errno " + e.getErrorCode() + ")", e);
        }
        return CpuSet.fromMask(mask);
    }

    /** Pins thread {@code tid}; false when it ended. */
    private boolean set(int tid, CpuSet cpus) {
        try {
            libc.sched_setaffinity(tid, new NativeLong(8L * WORDS), cpus.toMask(WORDS));
            return true;
        } catch (LastErrorException e) {
            if (tid != 0 && e.getErrorCode() == NO_SUCH_THREAD) {
                return false;
            }
            throw new LlmException("cannot pin " + (tid == 0 ? "thread '" + Thread.currentThread().getName() + "'"
                    : "thread " + tid) + " to " + cpus.describe() + ": sched_setaffinity failed (errno "
                    + e.getErrorCode() + "; the process may run on " + allowed + ")", e);
        }
    }

    private static List<Integer> threads() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.map(t -> Integer.parseInt(t.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new LlmException("cannot list this process's threads in /proc/self/task: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<Integer, CpuSet> pinProcess(CpuSet cpus) {
        requireAllowed(cpus, "CPUs");
        epoch.incrementAndGet();
        Map<Integer, CpuSet> before = new LinkedHashMap<>();
        for (int tid : threads()) {
            CpuSet was = read(tid);
            if (was != null && set(tid, cpus)) {
                before.put(tid, was);
            }
        }
        return before;
    }

    @Override
    public void restore(Map<Integer, CpuSet> before) {
        epoch.incrementAndGet();
        before.forEach(this::set);
    }

    @Override
    public CpuSet allowed() {
        return allowed;
    }

    @Override
    public CpuSet currentThread() {
        return read();
    }

    @Override
    public void pinCurrentThread(CpuSet cpus) {
        int e = epoch.get();
        Pinned p = pinned.get();
        if (p != null && p.epoch() == e && p.cpus().equals(cpus)) {
            return;
        }
        requireAllowed(cpus, "CPUs");
        set(0, cpus);
        CpuSet now = read();
        if (!now.equals(cpus)) {
            // the kernel intersects the mask with the CPUs the thread may use (a cpuset cgroup changed meanwhile)
            throw new LlmException("thread '" + Thread.currentThread().getName() + "' asked for " + cpus.describe()
                    + " but may run on " + now + ": the CPUs this process may use changed while it ran");
        }
        pinned.set(new Pinned(e, cpus));
    }
}
