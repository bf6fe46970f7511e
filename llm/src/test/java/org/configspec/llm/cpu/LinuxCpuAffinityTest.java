package org.configspec.llm.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.configspec.llm.LlmException;
import org.configspec.llm.ThreadCpus;
import org.junit.jupiter.api.Test;

/**
 * Pinning through sched_setaffinity, checked against what /proc says: the calling thread only, the threads it starts
 * inherit it, and a CPU this process may not use is refused in one line.
 */
class LinuxCpuAffinityTest {
    private final CpuAffinity affinity = CpuAffinity.system();

    @Test
    void allowedIsWhatLinuxSaysThisProcessMayUse() {
        assertThat(affinity).isInstanceOf(LinuxCpuAffinity.class);
        assertThat(affinity.allowed()).isEqualTo(ThreadCpus.allowed(ThreadCpus.selfTid()));
        assertThat(affinity.currentThread()).isEqualTo(ThreadCpus.allowed(ThreadCpus.selfTid()));
    }

    @Test
    void pinsTheCallingThreadOnlyAndItsNewThreadsInheritIt() throws Exception {
        CpuSet all = affinity.allowed();
        assumeTrue(all.size() >= 2, "pinning is only observable with two CPUs or more; this process may use " + all);
        CpuSet last = CpuSet.of(all.cpus().get(all.size() - 1));
        AtomicReference<String> pinnedTid = new AtomicReference<>();
        AtomicReference<CpuSet> child = new AtomicReference<>();
        AtomicReference<CpuSet> seen = new AtomicReference<>();
        CpuSet result = affinity.callPinned(last, "pin-test", () -> {
            pinnedTid.set(ThreadCpus.selfTid());
            seen.set(affinity.currentThread());
            Thread t = new Thread(() -> child.set(ThreadCpus.allowed(ThreadCpus.selfTid())));
            t.start();
            t.join();
            return ThreadCpus.allowed(ThreadCpus.selfTid());
        });
        assertThat(result).isEqualTo(last);
        assertThat(seen.get()).isEqualTo(last);
        assertThat(child.get()).isEqualTo(last);
        assertThat(pinnedTid.get()).isNotEqualTo(ThreadCpus.selfTid());
        assertThat(ThreadCpus.allowed(ThreadCpus.selfTid())).as("the caller's own thread").isEqualTo(all);
    }

    @Test
    void aCpuThisProcessMayNotUseIsRefusedInOneLine() throws Exception {
        CpuSet all = affinity.allowed();
        int absent = all.cpus().get(all.size() - 1) + 1;
        CpuSet asked = CpuSet.parse(all.cpus().get(0) + "," + absent);
        String expected = "--cpus " + asked + ": CPU " + absent + " not available to this process (it may run on "
                + all + ")";
        assertThatThrownBy(() -> affinity.requireAllowed(asked, "--cpus")).isInstanceOf(LlmException.class)
                .hasMessage(expected);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<CpuSet> after = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                affinity.pinCurrentThread(asked);
            } catch (LlmException e) {
                failure.set(e);
            }
            after.set(ThreadCpus.allowed(ThreadCpus.selfTid()));
        });
        t.start();
        t.join();
        assertThat(failure.get()).isInstanceOf(LlmException.class)
                .hasMessage("CPUs " + asked + ": CPU " + absent + " not available to this process (it may run on "
                        + all + ")");
        assertThat(after.get()).as("the thread refused stays where it was").isEqualTo(all);
    }
}
