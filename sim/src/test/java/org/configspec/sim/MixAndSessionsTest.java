package org.configspec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.model.ModelOptions;
import org.configspec.serve.metrics.RoundCsv;
import org.configspec.serve.metrics.RoundRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client classes in proportions, sessions that arrive and end with a prompt to prefill, and measured round trips. */
class MixAndSessionsTest {
    private static final Catalog PAPER_CATALOG = CatalogReader.paper();
    private static final ModelOptions PAPER = ModelOptions.paper();
    private static final String MIX = "RPi 5/Qwen3-0.6B/Q8_0/k4=3,Jetson AGX Orin/Qwen3-1.7B/Q4_K_M/optimal=1";

    private static SimConfig config(ClientMix mix, int clients, double durationS, Workload w) {
        return SimConfig.mixed(mix, clients, 4, durationS, 5, Batching.serveDefaults(), ServiceTime.paper(0.05),
                new RttModel.Constant(0.02), w);
    }

    @Test
    void aMixDealsClassesInItsProportionsAndReportsEachClass() {
        ClientMix mix = ClientMix.parse(MIX, PAPER_CATALOG, PAPER, "Qwen3-32B", 4);
        SimResult r = Simulation.run(config(mix, 40, 600, Workload.STEADY));
        List<ClassResult> classes = r.classes();
        assertThat(classes).extracting(ClassResult::label)
                .containsExactly("RPi 5/Qwen3-0.6B/Q8_0/k4", "Jetson AGX Orin/Qwen3-1.7B/Q4_K_M/optimal");
        assertThat(classes.get(0).goodput().n()).isEqualTo(30);
        assertThat(classes.get(1).goodput().n()).isEqualTo(10);
        assertThat(classes.get(0).meanK()).isEqualTo(4.0);
        // the Jetson drafts 7x faster than the Pi: more goodput per client
        assertThat(classes.get(1).goodput().mean()).isGreaterThan(classes.get(0).goodput().mean());
        assertThat(r.classes().get(0).rounds() + r.classes().get(1).rounds()).isEqualTo(r.rounds());
        double weighted = (30 * classes.get(0).goodput().mean() + 10 * classes.get(1).goodput().mean()) / 40;
        assertThat(r.goodput().mean()).isCloseTo(weighted, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Simulation.run(config(mix, 40, 600, Workload.STEADY))).isEqualTo(r);
    }

    @Test
    void theDealerKeepsEveryPrefixWithinOneOfItsShare() {
        ClientMix mix = ClientMix.parse("RPi 5/Llama-3.2-1B/k2=5,RPi 5/Llama-3.2-1B/k3=2,RPi 5/Llama-3.2-1B/bandit=0.5",
                PAPER_CATALOG, PAPER, "Llama-3.1-70B", 4);
        ClientMix.Dealer d = mix.new Dealer();
        int[] counts = new int[3];
        double[] w = {5, 2, 0.5};
        for (int i = 1; i <= 1000; i++) {
            counts[d.next()]++;
            for (int c = 0; c < 3; c++) {
                assertThat(Math.abs(counts[c] - i * w[c] / 7.5)).as("class %d after %d", c, i).isLessThanOrEqualTo(1.0);
            }
        }
    }

    @Test
    void badMixEntriesAreOneLineErrorsNamingTheEntry() {
        assertThatThrownBy(() -> ClientMix.parse("RPi 5/Qwen3-0.6B/Q8_0/k4=0,RPi 5/Qwen3-1.7B/Q8_0/k2=0", PAPER_CATALOG,
                PAPER, "Qwen3-32B", 4)).isInstanceOf(ConfigSpecException.class)
                .hasMessage("--mix: the weights sum to 0.0 (allowed weights >= 0 that sum to a positive number)");
        assertThatThrownBy(() -> ClientMix.parse("RPi 9/Qwen3-0.6B/Q8_0/k4=1", PAPER_CATALOG, PAPER, "Qwen3-32B", 4))
                .hasMessageStartingWith("--mix entry 'RPi 9/Qwen3-0.6B/Q8_0/k4=1': --device: unknown value 'RPi 9'");
        assertThatThrownBy(() -> ClientMix.parse("RPi 5/Phi-3/k4=1", PAPER_CATALOG, PAPER, "Qwen3-32B", 4))
                .hasMessageStartingWith("--mix entry 'RPi 5/Phi-3/k4=1': --draft: unknown value 'Phi-3'");
        assertThatThrownBy(() -> ClientMix.parse("RPi 5/Qwen3-0.6B/Q8_0/greedy=1", PAPER_CATALOG, PAPER, "Qwen3-32B", 4))
                .hasMessage("--mix entry 'RPi 5/Qwen3-0.6B/Q8_0/greedy=1': unknown policy 'greedy' (allowed kN for a"
                        + " fixed K, or backoff, optimal, bandit, tracking)");
        assertThatThrownBy(() -> ClientMix.parse("RPi 5/Qwen3-0.6B/Q8_0/k4=-1", PAPER_CATALOG, PAPER, "Qwen3-32B", 4))
                .hasMessageContaining("weight -1.0 (allowed a finite number >= 0)");
        assertThatThrownBy(() -> ClientMix.parse("RPi 5/Qwen3-0.6B/k4", PAPER_CATALOG, PAPER, "Qwen3-32B", 4))
                .hasMessageStartingWith("--mix entry 'RPi 5/Qwen3-0.6B/k4': allowed DEVICE/DRAFT[/QUANT]/POLICY=WEIGHT");
    }

    @Test
    void poissonSessionsArriveAtTheirRateGenerateTheirTokensAndLeave() {
        ClientSpec c = Clients.of(Selection.candidate(PAPER_CATALOG, PAPER, "Qwen3-32B", "Jetson AGX Orin", "Qwen3-0.6B",
                "Q8_0"), PAPER, org.configspec.serve.client.PolicyKind.FIXED, 3);
        // 0.5 sessions/s for 4000 s: 2000 expected arrivals (sd 45); 100 tokens each at ~30 tok/s take a few seconds
        SimResult r = Simulation.run(config(ClientMix.of(c), 1000, 4000, new Workload(0.5, 100, PromptLength.NONE, 0)));
        SessionStats st = r.sessions();
        assertThat(st.opened()).isBetween(2000L - 4 * 45, 2000L + 4 * 45);
        assertThat(st.rejected()).isZero();
        assertThat(st.completed()).isBetween(st.opened() - 10, st.opened());
        // every completed session committed 100 tokens and at most K more
        assertThat(r.rounds() * r.tokensPerRound()).isBetween(100.0 * st.completed(), 104.0 * st.opened());
        // few sessions at once: about a lone client's goodput
        assertThat(r.goodput().mean()).isCloseTo(SimOutput.analyticGoodput(r.config()),
                org.assertj.core.data.Percentage.withPercentage(15));
        // a cap of 1 open session turns most arrivals away
        SimResult capped = Simulation.run(config(ClientMix.of(c), 1, 4000, new Workload(0.5, 100, PromptLength.NONE, 0)));
        assertThat(capped.sessions().rejected()).isGreaterThan(100);
        assertThat(capped.sessions().opened() + capped.sessions().rejected()).isBetween(2000L - 4 * 45, 2000L + 4 * 45);
    }

    @Test
    void aPromptCostsItsPrefillOnTheVerifierBeforeTheFirstRound() {
        ClientSpec c = Clients.of(Selection.candidate(PAPER_CATALOG, PAPER, "Qwen3-32B", "RPi 5", "Qwen3-0.6B", "Q8_0"),
                PAPER, org.configspec.serve.client.PolicyKind.FIXED, 4);
        Workload noPrompt = new Workload(0, 200, PromptLength.NONE, 0);
        Workload prompt = new Workload(0, 200, new PromptLength.Constant(1000), 0.001);
        SimResult plain = Simulation.run(config(ClientMix.of(c), 1, 2000, noPrompt));
        SimResult prefilled = Simulation.run(config(ClientMix.of(c), 1, 2000, prompt));
        // one client alone: opening a session takes the round trip (20 ms) plus 1000 × 1 ms of prefill
        assertThat(prefilled.sessions().prefillWaitS().p50()).isCloseTo(1.02, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(prefilled.sessions().prefillWaitS().n()).isEqualTo((int) prefilled.sessions().opened());
        assertThat(plain.sessions().prefillWaitS().n()).isZero();
        assertThat(prefilled.goodput().mean()).isLessThan(plain.goodput().mean());
        assertThat(prefilled.sessions().meanContext()).isGreaterThan(1000).isLessThan(1200);
        assertThat(prefilled.utilisation()).isGreaterThan(plain.utilisation());
    }

    @Test
    void badWorkloadsAndPromptLengthsAreRejected(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> new Workload(2, 0, PromptLength.NONE, 0))
                .hasMessage("--arrival poisson needs --session-tokens N (how long each session decodes)");
        assertThatThrownBy(() -> new Workload(-1, 10, PromptLength.NONE, 0)).hasMessageStartingWith("--rate = -1.0");
        assertThatThrownBy(() -> PromptLength.parse("lognormal:300:-0.5"))
                .hasMessage("--prompt-length lognormal:300.0:-0.5: allowed a median of 1..1048576 tokens and a sigma of 0..10");
        assertThatThrownBy(() -> PromptLength.parse("-3")).hasMessage("--prompt-length -3: allowed 0..1048576 tokens");
        assertThatThrownBy(() -> PromptLength.parse("uniform:1:2"))
                .hasMessage("--prompt-length 'uniform:1:2': allowed N, lognormal:MEDIAN:SIGMA or file:PATH");
        Path lengths = Files.writeString(dir.resolve("lengths.txt"), "# prompt tokens\n120\n\n80\n");
        PromptLength e = PromptLength.parse("file:" + lengths);
        assertThat(e.describe()).isEqualTo("empirical, 2 lengths from " + lengths);
        Files.writeString(lengths, "120\n-5\n");
        assertThatThrownBy(() -> PromptLength.parse("file:" + lengths))
                .hasMessage("--prompt-length file:" + lengths + " line 2: '-5' (allowed a whole number of tokens, 0..1048576)");
    }

    @Test
    void measuredRoundTripsAreReadFromARoundsCsvWithoutTheVerifiersTimeOrFromAPlainFile(@TempDir Path dir)
            throws IOException {
        Path csv = Files.writeString(dir.resolve("rounds.csv"), RoundCsv.render(List.of(
                new RoundRecord(4, 2, 3, 0.01, 0.061, 70, 120, 1, 0.011),
                new RoundRecord(4, 4, 5, 0.01, 0.105, 71, 121, 2, 0.005),
                new RoundRecord(4, 4, 5, 0.01, 0.004, 71, 121, 2, 0.005))));
        RttModel.Empirical fromCsv = RttFile.read(csv);
        assertThat(fromCsv.seconds()).containsExactly(new double[] {0.05, 0.1, 0.0}, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(fromCsv.median(0)).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-9));
        Path plain = Files.writeString(dir.resolve("rtt.txt"), "0.020\n0.022\n# handover\n0.100\n");
        RttModel.Empirical p = RttFile.read(plain);
        assertThat(p.seconds()).containsExactly(0.020, 0.022, 0.100);
        assertThat(p.describe()).isEqualTo("empirical, 3 round trips from " + plain + " (median 22 ms)");
        // drawn with replacement: over many draws every value, in about equal shares
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        int[] seen = new int[3];
        for (int i = 0; i < 3000; i++) {
            double v = p.sample(0, rng);
            seen[v == 0.020 ? 0 : v == 0.022 ? 1 : 2]++;
        }
        assertThat(java.util.Arrays.stream(seen).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(900, 1100));
        Files.writeString(plain, "0.020\n-0.001\n");
        assertThatThrownBy(() -> RttFile.read(plain))
                .hasMessage("--rtt-file " + plain + " line 2: '-0.001' (allowed a round trip in seconds, >= 0)");
        Path old = Files.writeString(dir.resolve("old.csv"), "round,k,accepted,committed,draft_s,round_trip_s\n1,4,2,3,0.01,0.06\n");
        assertThatThrownBy(() -> RttFile.read(old)).hasMessageStartingWith("--rtt-file " + old + " line 2: no verifier_s value");
        assertThatThrownBy(() -> RttFile.read(dir.resolve("missing.txt"))).hasMessageStartingWith("--rtt-file "
                + dir.resolve("missing.txt") + ": cannot read");
    }
}
