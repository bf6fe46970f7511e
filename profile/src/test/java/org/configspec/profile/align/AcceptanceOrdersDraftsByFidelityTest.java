package org.configspec.profile.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.configspec.core.acceptance.AcceptanceMode;
import org.configspec.core.acceptance.AcceptanceProfile;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.sampling.SamplingParams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Profiling on real weights orders the default drafts by fidelity (Q8_0 all layers ≫ Q8_0 5 layers ≫ Q8_0 4 layers),
 * in greedy and sampling mode, and its figures are internally consistent and carry provenance.
 */
@NeedsLlama
class AcceptanceOrdersDraftsByFidelityTest {
    static final int K_MAX = 4;
    static AlignResult result;

    @BeforeAll
    static void profile() {
        List<AlignmentProfiler.Draft> drafts = List.of(AlignFixture.Q8, AlignFixture.L5, AlignFixture.L4).stream()
                .map(n -> new AlignmentProfiler.Draft(AlignFixture.ref(n), AlignFixture.session(n))).toList();
        AlignSettings s = AlignSettings.defaults().withKMax(K_MAX).withTokens(64)
                .withSampling(new SamplingParams(1.0, 0, 1.0, 0));
        result = new AlignmentProfiler(AlignFixture.session(AlignFixture.TARGET), AlignFixture.ref(AlignFixture.TARGET),
                drafts, s).run(AlignFixture.prompts().subList(0, 4), "test resource tinystories-prompts.txt");
        for (DraftAcceptance d : result.drafts()) {
            KAcceptance a = d.at(K_MAX);
            System.out.printf("%s K=%d: alpha %.3f [%.3f, %.3f] pooled %.3f, E %.3f, expected(T=1) %.3f, rounds %d%n",
                    d.draft().name(), K_MAX, a.alpha().value(), a.alphaInterval().low(), a.alphaInterval().high(),
                    a.alphaPooled(), a.tokensPerRound().value(), a.expectedAlpha().value(), a.rounds());
        }
    }

    static KAcceptance at(int draft, int k) {
        return result.drafts().get(draft).at(k);
    }

    @Test
    void greedyAcceptanceOrdersQ8AboveFiveLayersAboveFourLayers() {
        double q8 = at(0, K_MAX).alpha().value();
        double l5 = at(1, K_MAX).alpha().value();
        double l4 = at(2, K_MAX).alpha().value();
        assertThat(q8).isGreaterThan(0.9);
        assertThat(l5).isBetween(0.25, 0.6).isLessThan(q8 - 0.2);
        assertThat(l4).isBetween(0.05, 0.3).isLessThan(l5);
    }

    @Test
    void expectedSamplingAcceptanceOrdersTheDraftsToo() {
        double q8 = at(0, K_MAX).expectedAlpha().value();
        double l5 = at(1, K_MAX).expectedAlpha().value();
        double l4 = at(2, K_MAX).expectedAlpha().value();
        assertThat(q8).isGreaterThanOrEqualTo(l5).isLessThanOrEqualTo(1.0);
        assertThat(l5).isGreaterThanOrEqualTo(l4).isPositive();
    }

    @Test
    void figuresAreConsistentAcrossAggregations() {
        for (DraftAcceptance d : result.drafts()) {
            for (KAcceptance a : d.byK()) {
                assertThat(a.tokensPerRoundPooled()).isCloseTo(1 + a.k() * a.alphaPooled(), within(1e-12));
                assertThat(a.tokensPerRound().value()).isCloseTo(1 + a.k() * a.alpha().value(), within(1e-12));
                assertThat(a.prompts()).isEqualTo(4);
                assertThat(a.alpha().n()).isEqualTo(4);
                assertThat(java.util.Arrays.stream(a.acceptedLengthCounts()).sum()).isEqualTo(a.rounds());
                assertThat(a.alphaInterval().low()).isLessThanOrEqualTo(a.alpha().value());
                assertThat(a.alphaInterval().high()).isGreaterThanOrEqualTo(a.alpha().value());
                double[] s = a.survival();
                for (int i = 1; i < s.length; i++) {
                    assertThat(s[i]).isLessThanOrEqualTo(s[i - 1]);
                }
                // sum of P(L >= i) over i is the mean accepted length
                assertThat(1 + java.util.Arrays.stream(s).sum()).isCloseTo(a.tokensPerRoundPooled(), within(1e-9));
            }
        }
    }

    @Test
    void coreAcceptanceProfileCarriesAlphaPerKAndSurvivalWithProvenance() {
        List<AcceptanceProfile> profiles = result.acceptanceProfiles();
        assertThat(profiles).hasSize(3);
        AcceptanceProfile q8 = profiles.get(0);
        assertThat(q8.draft()).isEqualTo(AlignFixture.Q8);
        assertThat(q8.quant()).isEqualTo("Q8_0");
        assertThat(q8.target()).isEqualTo(AlignFixture.TARGET);
        assertThat(q8.alphaByK().keySet()).containsExactly(1, 2, 3, 4);
        assertThat(q8.survival()).hasSize(K_MAX);
        assertThat(q8.curve(AcceptanceMode.POSITION).tokensPerRound(K_MAX)).isGreaterThan(4.5);
        Provenance p = result.provenance();
        assertThat(p.tool()).isEqualTo("configspec 0.1.0");
        assertThat(p.target().sha256()).hasSize(64);
        assertThat(result.drafts().get(1).draft().sha256()).hasSize(64).isNotEqualTo(p.target().sha256());
        assertThat(p.promptsUsed()).isEqualTo(4);
        assertThat(p.mode()).contains("sampling");
    }

    @Test
    void greedyTargetPassGivesTheSameAcceptanceAsTheSpeculativeOne() {
        AlignSettings s = AlignSettings.defaults().withKMax(K_MAX).withTokens(64)
                .withSampling(new SamplingParams(1.0, 0, 1.0, 0)).withTargetPass(AlignSettings.TargetPassKind.GREEDY);
        AlignResult greedy = new AlignmentProfiler(AlignFixture.session(AlignFixture.TARGET),
                AlignFixture.ref(AlignFixture.TARGET), List.of(new AlignmentProfiler.Draft(AlignFixture.ref(
                AlignFixture.L5), AlignFixture.session(AlignFixture.L5))), s)
                .run(AlignFixture.prompts().subList(0, 4), "test resource");
        for (int k = 1; k <= K_MAX; k++) {
            KAcceptance g = greedy.drafts().get(0).at(k);
            KAcceptance sp = at(1, k);
            assertThat(g.acceptedLengthCounts()).isEqualTo(sp.acceptedLengthCounts());
            assertThat(g.expectedAlpha().value()).isCloseTo(sp.expectedAlpha().value(), within(1e-4));
        }
        assertThat(greedy.provenance().targetPass()).startsWith("plain greedy generation");
    }

    @Test
    void untilCiStopsAddingPromptsOnceTheIntervalIsNarrowEnough() {
        AlignSettings s = AlignSettings.defaults().withKMax(2).withTokens(24).withUntilCi(0.45, 2, 6);
        AlignResult r = new AlignmentProfiler(AlignFixture.session(AlignFixture.TARGET),
                AlignFixture.ref(AlignFixture.TARGET), List.of(new AlignmentProfiler.Draft(AlignFixture.ref(
                AlignFixture.Q8), AlignFixture.session(AlignFixture.Q8))), s)
                .run(AlignFixture.prompts(), "test resource");
        assertThat(r.provenance().promptsUsed()).isEqualTo(2);
        assertThat(r.provenance().stop()).startsWith("alpha(K=2) 95% interval half-width <= 0.4500 after 2 prompts");
        assertThat(r.drafts().get(0).at(2).alphaInterval().halfWidth()).isLessThanOrEqualTo(0.45);
    }
}
