package org.configspec.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.configspec.core.domain.Pricing;
import org.junit.jupiter.api.Test;

/** Protects each billing regime's formula and the extended time and energy terms, with hand-computed answers. */
class BillingAndEnergyTest {
    private final Pricing price = new Pricing(0.9, 0.3, 0.075, 2.5, "2026-11-01", "test");

    @Test
    void paperBillsTheDraftedTokensAsOutput() {
        assertThat(new Billing.Paper().usdPerRound(price, 4, 0.5)).isCloseTo(4 * 0.9e-6, within(1e-18));
    }

    @Test
    void logprobApiBillsCachedContextInputDraftsAndOneOutputToken() {
        // 1000 cached context tokens at 0.075, 4 drafted at 0.3, 1 output at 0.9 ($/M)
        assertThat(new Billing.LogprobApi(1000).usdPerRound(price, 4, 0.5)).isCloseTo((75 + 1.2 + 0.9) / 1e6, within(1e-15));
        assertThatThrownBy(() -> new Billing.LogprobApi(10).requirePrices(Pricing.outputOnly(1), "T"))
                .hasMessageContaining("target 'T' has no input price");
    }

    @Test
    void predictedOutputsBillAcceptedBonusAndRejectedTokens() {
        assertThat(new Billing.PredictedOutputs().usdPerRound(price, 4, 0.5)).isCloseTo(5 * 0.9e-6, within(1e-18));
    }

    @Test
    void selfHostedGpuBillsComputeSecondsSharedBySessions() {
        assertThat(new Billing.SelfHostedGpu(4).usdPerRound(price, 4, 0.36)).isCloseTo(2.5 / 3600 * 0.36 / 4, within(1e-15));
    }

    @Test
    void verifyTimeAddsRttFixedAndPerPositionCost() {
        VerifyTime v = new VerifyTime(0.05, 0.1, 0.02);
        assertThat(v.seconds(4)).isCloseTo(0.05 + 0.1 + 0.02 * 5, within(1e-15));
        assertThat(v.computeSeconds(4)).isCloseTo(0.2, within(1e-15));
        assertThatThrownBy(() -> new VerifyTime(-1, 0, 0)).hasMessage("--rtt (seconds) must be a finite number >= 0, got -1.0");
    }

    @Test
    void extendedEnergyAddsWaitingAndRadio() {
        // P = 8 W, K = 4, r = 20 tok/s, E = 3, waiting 2 W × 0.5 s, radio 1e-6 J/B × (4 × 6 + 100) B
        EnergyOptions e = new EnergyOptions(true, 2.0, 1e-6, 4, 100);
        assertThat(e.wireBytes(4)).isEqualTo(124);
        double extra = 2.0 * 0.5 + 1e-6 * 124;
        assertThat(AnalyticModel.joulesPerToken(8, 4, 20, 3, extra)).isCloseTo((8 * 0.2 + extra) / 3, within(1e-12));
    }

    @Test
    void kRangeIsValidated() {
        assertThatThrownBy(() -> new ModelOptions(0, 10, org.configspec.core.acceptance.AcceptanceMode.ALPHA,
                VerifyTime.constant(0.5), new Billing.Paper(), EnergyOptions.draftingOnly())).hasMessage("--k-min must be >= 1, got 0");
        assertThatThrownBy(() -> new ModelOptions(5, 3, org.configspec.core.acceptance.AcceptanceMode.ALPHA,
                VerifyTime.constant(0.5), new Billing.Paper(), EnergyOptions.draftingOnly())).hasMessageContaining("--k-max must be >= --k-min");
        assertThat(ModelOptions.paper().isPaperMode()).isTrue();
    }
}
