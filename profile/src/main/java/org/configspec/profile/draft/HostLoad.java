package org.configspec.profile.draft;

/**
 * The machine's load, sampled before and after a measurement: the seam between the profiler and the kernel's
 * counters ({@link ProcHostLoad} reads /proc; tests give it recorded /proc files).
 */
public interface HostLoad {
    /**
     * One reading.
     *
     * @param loadAverage1 1-minute load average (runnable + uninterruptible tasks), or -1 when unknown
     * @param stealTicks   cumulative CPU time stolen by the hypervisor, all CPUs, in clock ticks (0 when unknown)
     * @param totalTicks   cumulative CPU time of every state, all CPUs, in clock ticks (0 when unknown)
     * @param cpus         CPUs the kernel lists
     */
    record Sample(double loadAverage1, long stealTicks, long totalTicks, int cpus) {
        public Sample {
            if (cpus < 1) {
                throw new IllegalArgumentException("cpus = " + cpus + ": allowed >= 1");
            }
        }
    }

    Sample sample();
}
