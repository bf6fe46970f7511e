package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.ThreadCpus;
import org.configspec.llm.cpu.CpuAffinity;
import org.configspec.llm.cpu.CpuSet;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.client.EdgeClient;
import org.configspec.serve.client.FixedK;
import org.configspec.serve.client.VerifierTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code serve --cpus} and {@code run --cpus}: the verifier's decode thread runs on the CPUs its config names, the edge
 * client's drafting thread on the ones its options name (checked in /proc while both are alive), and the output is
 * still the target's own greedy continuation.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@NeedsLlama
class PinnedDecodingTest {
    @Test
    void decodeThreadAndDraftingThreadRunWhereAsked() throws Exception {
        CpuSet all = CpuAffinity.system().allowed();
        assumeTrue(all.size() >= 2, "pinning is only observable with two CPUs or more; this process may use " + all);
        CpuSet verifierCpu = all.first();
        CpuSet clientCpu = CpuSet.of(all.cpus().get(all.size() - 1));
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        int[] expected = ServeFixture.greedy(prompt, 24);
        Set<String> before = ThreadCpus.threads().keySet();
        CpuSet starter = ThreadCpus.allowed(ThreadCpus.selfTid());
        try (VerifierServer server = VerifierServer.start(ServeFixture.verifierConfig().withThreads(1)
                .withCpus(verifierCpu), ServeFixture.target())) {
            // the backend's start-up decodes (timing a pass) ran on the decode thread, not on the one that started it
            assertThat(ThreadCpus.allowed(ThreadCpus.selfTid())).as("the thread that started the verifier")
                    .isEqualTo(starter);
            AtomicReference<EdgeClient.Result> result = new AtomicReference<>();
            AtomicReference<CpuSet> clientThread = new AtomicReference<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread client = new Thread(() -> {
                try (VerifierTransport t = ServeFixture.transport(server.url())) {
                    result.set(new EdgeClient(ServeFixture.model(ServeFixture.L5), t,
                            ServeFixture.clientOptions().withThreads(1).withCpus(clientCpu), null)
                            .run(prompt, 24, new FixedK(4), null));
                    clientThread.set(ThreadCpus.allowed(ThreadCpus.selfTid()));
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "pinned-client");
            client.start();
            client.join();
            assertThat(failure.get()).isNull();
            assertThat(result.get().tokens()).containsExactly(expected);
            assertThat(clientThread.get()).as("the drafting thread").isEqualTo(clientCpu);
            Map<String, String> now = ThreadCpus.threads();
            List<String> decode = now.keySet().stream().filter(tid -> !before.contains(tid))
                    .filter(tid -> "configspec-verifier-decode".startsWith(now.get(tid))).toList();
            assertThat(decode).as("the verifier's decode thread").hasSize(1);
            assertThat(ThreadCpus.allowed(decode.get(0))).isEqualTo(verifierCpu);
            assertThat(ThreadCpus.lastCpu(decode.get(0))).isEqualTo(verifierCpu.cpus().get(0));
        }
    }
}
