package org.configspec.serve.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.configspec.core.acceptance.IidCurve;
import org.junit.jupiter.api.Test;

/**
 * The round trip an optimal-K policy plans with grows with the positions the verifier decodes: recovered from the
 * rounds' own split between the link and the verifier, and what it changes in OptimalK's choice.
 */
class RoundTripModelTest {
    /** 20 ms outside the verifier, and a verifier that pays 4.5 ms per position (our CPU verifier under load). */
    private static KPolicy.Observation round(int k, int accepted) {
        double verifier = 0.0045 * (k + 1);
        return new KPolicy.Observation(k, accepted, k / 400.0, 0.020 + verifier, verifier);
    }

    @Test
    void recoversTheLinkAndThePerPositionCostFromRoundsOfTwoKs() {
        RoundTripModel m = new RoundTripModel();
        for (int i = 0; i < 5; i++) {
            m.add(round(4, 2));
            m.add(round(2, 1));
        }
        assertThat(m.seconds(1)).isCloseTo(0.020 + 0.009, within(1e-12));
        assertThat(m.seconds(8)).isCloseTo(0.020 + 0.0405, within(1e-12));
    }

    @Test
    void oneKIsTakenAsProportionalAndAnUnknownVerifierTimeAsTheMeanRoundTrip() {
        RoundTripModel one = new RoundTripModel();
        one.add(round(4, 2));
        one.add(round(4, 4));
        assertThat(one.seconds(4)).isCloseTo(0.020 + 0.0225, within(1e-12));
        assertThat(one.seconds(1)).isCloseTo(0.020 + 0.009, within(1e-12));
        RoundTripModel unknown = new RoundTripModel();
        unknown.add(new KPolicy.Observation(4, 2, 0.01, 0.030));
        unknown.add(new KPolicy.Observation(2, 2, 0.01, 0.050));
        assertThat(unknown.seconds(1)).isCloseTo(0.040, within(1e-12));
        assertThat(unknown.seconds(8)).isCloseTo(0.040, within(1e-12));
        RoundTripModel falling = new RoundTripModel();
        falling.add(new KPolicy.Observation(1, 1, 0.01, 0.050, 0.030));
        falling.add(new KPolicy.Observation(5, 1, 0.01, 0.030, 0.010));
        assertThat(falling.seconds(3)).as("a slope below 0 is the mean").isCloseTo(0.020 + 0.020, within(1e-12));
    }

    @Test
    void optimalKNoLongerTakesLongDraftsForCheapWhenTheVerifierPaysPerPosition() {
        OptimalK p = new OptimalK(4, 8);
        double roundTrips = 0;
        for (int i = 0; i < 10; i++) {
            KPolicy.Observation a = round(4, i % 3 == 0 ? 4 : 1);
            KPolicy.Observation b = round(2, i % 2);
            p.observe(a);
            p.observe(b);
            roundTrips += a.roundTripSeconds() + b.roundTripSeconds();
        }
        double rate = p.acceptanceRate();
        double meanRoundTrip = roundTrips / 20;
        int withTheMean = OptimalK.best(rate, 400, meanRoundTrip, 8);
        int expected = OptimalK.argmaxGoodput(new IidCurve(rate)::tokensPerRound, 400,
                k -> 0.020 + 0.0045 * (k + 1), 8);
        assertThat(p.nextK()).isEqualTo(expected).isEqualTo(2);
        assertThat(withTheMean).as("the mean round trip for every K, as before").isEqualTo(4);
    }
}
