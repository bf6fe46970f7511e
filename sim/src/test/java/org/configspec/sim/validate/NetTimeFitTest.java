package org.configspec.sim.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.configspec.serve.metrics.RoundRecord;
import org.configspec.sim.RttModel;
import org.junit.jupiter.api.Test;

/**
 * What the validation feeds the simulator from real rounds: the lognormal round trip keeps the measured times' mean
 * (a round's time is linear in it) and their log spread; steady goodput leaves out the first round, which also
 * created the session.
 */
class NetTimeFitTest {
    @Test
    void theLognormalKeepsTheMeanAndTheLogSpreadOfTheTimes() {
        List<Double> t = List.of(0.010, 0.012, 0.011, 0.040, 0.013, 0.009);
        RttModel.LogNormal f = SimValidation.logNormal(t);
        double mean = t.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(f.medianS() * Math.exp(f.sigma() * f.sigma() / 2)).isCloseTo(mean, within(1e-12));
        double[] logs = t.stream().mapToDouble(Math::log).toArray();
        double m = java.util.Arrays.stream(logs).average().orElseThrow();
        double var = java.util.Arrays.stream(logs).map(l -> (l - m) * (l - m)).sum() / (logs.length - 1);
        assertThat(f.sigma()).isCloseTo(Math.sqrt(var), within(1e-12));
        assertThat(SimValidation.logNormal(List.of(0.02)).sigma()).isZero();
    }

    @Test
    void steadyGoodputLeavesOutTheFirstRoundAndTheClippedTail() {
        List<RoundRecord> r = List.of(new RoundRecord(4, 4, 5, 0.02, 0.5, 0, 0, 1),
                new RoundRecord(4, 1, 2, 0.02, 0.03, 0, 0, 1), new RoundRecord(4, 2, 3, 0.02, 0.03, 0, 0, 1),
                new RoundRecord(1, 0, 1, 0.005, 0.03, 0, 0, 1));
        assertThat(SimValidation.steadyGoodput(r, 4)).isCloseTo(5 / 0.1, within(1e-9));
    }
}
