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
    void oneKIsTakenAsProportionalAndAnUnknownVerifierTimeAsTheTrackedRoundTrip() {
        RoundTripModel one = new RoundTripModel();
        one.add(round(4, 2));
        one.add(round(4, 4));
        assertThat(one.seconds(4)).isCloseTo(0.020 + 0.0225, within(1e-12));
        assertThat(one.seconds(1)).isCloseTo(0.020 + 0.009, within(1e-12));
        RoundTripModel unknown = new RoundTripModel();
        unknown.add(new KPolicy.Observation(4, 2, 0.01, 0.030));
        unknown.add(new KPolicy.Observation(2, 2, 0.01, 0.050));
        // the first round sets the average, the second moves it by a tenth of the difference
        assertThat(unknown.seconds(1)).isCloseTo(0.032, within(1e-12));
        assertThat(unknown.seconds(8)).isCloseTo(0.032, within(1e-12));
        RoundTripModel falling = new RoundTripModel();
        falling.add(new KPolicy.Observation(1, 1, 0.01, 0.050, 0.030));
        falling.add(new KPolicy.Observation(5, 1, 0.01, 0.030, 0.010));
        assertThat(falling.seconds(3)).as("a slope below 0 is the mean").isCloseTo(0.020 + 0.020, within(1e-12));
    }

    /**
     * The link steps from 20 to 100 ms after 300 rounds: the time outside the verifier follows within a few dozen
     * rounds (90 % of the step after 22), where the mean of every round would still be under 40 ms.
     */
    @Test
    void theTimeOutsideTheVerifierFollowsAStep() {
        RoundTripModel m = new RoundTripModel();
        for (int i = 0; i < 300; i++) {
            m.add(new KPolicy.Observation(1, 1, 0.03, 0.020 + 0.009, 0.009));
        }
        assertThat(m.seconds(1)).isCloseTo(0.029, within(1e-9));
        for (int i = 0; i < 30; i++) {
            m.add(new KPolicy.Observation(1, 1, 0.03, 0.100 + 0.009, 0.009));
        }
        assertThat(m.seconds(1)).isBetween(0.100 + 0.009 - 0.08 * 0.05, 0.109);
    }

    /** optimal (i.i.d. fit) on a slow drafting device leaves K = 1 soon after the link slows from 20 to 110 ms. */
    @Test
    void optimalFollowsTheLinkAfterAStep() {
        OptimalK p = new OptimalK(1, 8);
        java.util.SplittableRandom draws = new java.util.SplittableRandom(5);
        for (int i = 0; i < 300; i++) {
            playIid(p, draws, 0.020);
        }
        assertThat(p.nextK()).isEqualTo(1);
        for (int i = 0; i < 30; i++) {
            playIid(p, draws, 0.110);
        }
        // acceptance 0.87, 30 tok/s: G(K) = E(K) / (K / 30 + 0.110 + 0.0045 (K + 1)) peaks at K = 4 (K = 1: -19 %)
        assertThat(p.nextK()).isBetween(3, 5);
    }

    /** One round at the policy's K, each token accepted with probability 0.87, drafting at 30 tok/s. */
    private static void playIid(OptimalK p, java.util.SplittableRandom draws, double link) {
        int k = p.nextK();
        int accepted = 0;
        while (accepted < k && draws.nextDouble() < 0.87) {
            accepted++;
        }
        double verifier = 0.0045 * (k + 1);
        p.observe(new KPolicy.Observation(k, accepted, k / 30.0, link + verifier, verifier));
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
