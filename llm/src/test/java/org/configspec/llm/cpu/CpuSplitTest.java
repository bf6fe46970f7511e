package org.configspec.llm.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.configspec.llm.LlmException;
import org.configspec.llm.ThreadCpus;
import org.junit.jupiter.api.Test;

/** The verifier on its own CPUs, everything else on the others: when to pin, and the one line when it cannot. */
class CpuSplitTest {
    /** An affinity that reports a fixed set (the split only reads it). */
    private static CpuAffinity allowing(String cpus) {
        return new CpuAffinity() {
            @Override
            public CpuSet allowed() {
                return CpuSet.parse(cpus);
            }

            @Override
            public CpuSet currentThread() {
                return allowed();
            }

            @Override
            public void pinCurrentThread(CpuSet c) {
                throw new AssertionError("the split does not pin");
            }

            @Override
            public Map<Integer, CpuSet> pinProcess(CpuSet c) {
                throw new AssertionError("the split does not pin");
            }

            @Override
            public void restore(Map<Integer, CpuSet> before) {
                throw new AssertionError("the split does not pin");
            }
        };
    }

    @Test
    void theVerifierTakesOneCpuPerThreadFromTheFirstAndTheRestTheOthers() {
        CpuSplit two = CpuSplit.of(CpuSet.parse("0-1"), 1);
        assertThat(two).isEqualTo(new CpuSplit(CpuSet.of(0), CpuSet.of(1)));
        assertThat(two.describe()).isEqualTo("verifier decoding on CPU 0, clients and the rest on CPU 1");
        assertThat(CpuSplit.of(CpuSet.parse("2,4-7"), 2)).isEqualTo(new CpuSplit(CpuSet.parse("2,4"),
                CpuSet.parse("5-7")));
        assertThat(CpuSplit.of(CpuSet.parse("0-1"), 2)).isNull();
        assertThat(CpuSplit.of(CpuSet.of(3), 1)).isNull();
        assertThatThrownBy(() -> new CpuSplit(CpuSet.parse("0-1"), CpuSet.parse("1-2")))
                .hasMessage("the verifier's CPUs 0-1 overlap the clients' 1-2");
    }

    @Test
    void byDefaultPinsWhenACpuIsLeftForTheClientsAndRefusesWhenAskedAndImpossible() {
        assertThat(CpuSplit.choose(null, 1, allowing("0-1"), "pin")).isEqualTo(CpuSplit.of(CpuSet.parse("0-1"), 1));
        assertThat(CpuSplit.choose(null, 1, allowing("0"), "pin")).isNull();
        assertThat(CpuSplit.choose(false, 1, allowing("0-1"), "pin")).isNull();
        assertThat(CpuSplit.choose(true, 1, allowing("0-3"), "pin").rest()).isEqualTo(CpuSet.parse("1-3"));
        assertThatThrownBy(() -> CpuSplit.choose(true, 2, allowing("0-1"), "--pin")).isInstanceOf(LlmException.class)
                .hasMessage("--pin: the verifier's 2 llama thread(s) need as many CPUs and the clients at least one"
                        + " more; this process may use CPUs 0-1");
    }

    @Test
    void byDefaultDoesNotPinWhereThePlatformCannot() {
        CpuAffinity other = new CpuAffinity.Unsupported("implemented for Linux only; this is Windows 11");
        assertThat(CpuSplit.choose(null, 1, other, "pin")).isNull();
        assertThatThrownBy(() -> CpuSplit.choose(true, 1, other, "--pin")).isInstanceOf(LlmException.class)
                .hasMessage("pinning threads to CPUs is not available here (implemented for Linux only; this is"
                        + " Windows 11)");
        assertThatThrownBy(() -> other.requireAllowed(CpuSet.of(0), "--cpus")).isInstanceOf(LlmException.class)
                .hasMessage("--cpus 0: pinning threads to CPUs is not available here (implemented for Linux only;"
                        + " this is Windows 11)");
    }

    @Test
    void callOnRestMovesEveryThreadOffTheVerifiersCpusForTheJobAndGivesThemBack() throws Exception {
        CpuSet all = CpuAffinity.system().allowed();
        assumeTrue(all.size() >= 2, "pinning is only observable with two CPUs or more; this process may use " + all);
        CpuSplit split = CpuSplit.of(all, 1);
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> bystanderTid = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread bystander = new Thread(() -> {
            bystanderTid.set(ThreadCpus.selfTid());
            started.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bystander");
        bystander.start();
        started.await();
        try {
            Map<String, CpuSet> during = CpuSplit.callOnRest(split, "on-rest", () -> Map.of(
                    "job", ThreadCpus.allowed(ThreadCpus.selfTid()),
                    "bystander", ThreadCpus.allowed(bystanderTid.get())));
            assertThat(during).containsEntry("job", split.rest()).containsEntry("bystander", split.rest());
            assertThat(ThreadCpus.allowed(bystanderTid.get())).as("after the job").isEqualTo(all);
            assertThat(ThreadCpus.allowed(ThreadCpus.selfTid())).as("the caller after the job").isEqualTo(all);
        } finally {
            done.countDown();
            bystander.join();
        }
    }
}
