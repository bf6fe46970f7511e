package org.configspec.llm.cpu;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import org.configspec.llm.LlmException;

/**
 * {@link CpuAffinity} through glibc's {@code sched_setaffinity}/{@code sched_getaffinity} with pid 0, which on Linux
 * names the calling thread (not the process). Masks are {@code cpu_set_t} of 1024 CPUs read as 64-bit words. The CPUs
 * the process may use are read once, when this class is first used, from the thread that first uses it.
 */
final class LinuxCpuAffinity implements CpuAffinity {
    /** glibc's {@code CPU_SETSIZE} (1024) in 64-bit words. */
    private static final int WORDS = 16;

    /** The two libc calls; errno becomes a {@link LastErrorException}. */
    interface CLib extends Library {
        int sched_setaffinity(int pid, NativeLong cpusetsize, long[] mask) throws LastErrorException;

        int sched_getaffinity(int pid, NativeLong cpusetsize, long[] mask) throws LastErrorException;
    }

    private final CLib libc;
    private final CpuSet allowed;
    /** What this object last pinned each thread to, so that a pinned thread costs no system call. */
    private final ThreadLocal<CpuSet> pinned = new ThreadLocal<>();

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
        long[] mask = new long[WORDS];
        try {
            libc.sched_getaffinity(0, new NativeLong(8L * WORDS), mask);
        } catch (LastErrorException e) {
            throw new LlmException("sched_getaffinity failed (errno " + e.getErrorCode() + ")", e);
        }
        return CpuSet.fromMask(mask);
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
        if (cpus.equals(pinned.get())) {
            return;
        }
        requireAllowed(cpus, "CPUs");
        try {
            libc.sched_setaffinity(0, new NativeLong(8L * WORDS), cpus.toMask(WORDS));
        } catch (LastErrorException e) {
            throw new LlmException("cannot pin thread '" + Thread.currentThread().getName() + "' to " + cpus.describe()
                    + ": sched_setaffinity failed (errno " + e.getErrorCode() + "; the process may run on " + allowed
                    + ")", e);
        }
        CpuSet now = read();
        if (!now.equals(cpus)) {
            // the kernel intersects the mask with the CPUs the thread may use (a cpuset cgroup changed meanwhile)
            throw new LlmException("thread '" + Thread.currentThread().getName() + "' asked for " + cpus.describe()
                    + " but may run on " + now + ": the CPUs this process may use changed while it ran");
        }
        pinned.set(cpus);
    }
}
