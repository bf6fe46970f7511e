package org.configspec.profile.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-up/repetition loop on a scripted clock: counts, which durations are kept, and misuse. */
class RepetitionTimerTest {

    /** A clock that advances by the next scripted step at every reading after the first. */
    private static final class ScriptedClock implements NanoClock {
        private final long[] steps;
        private long now = 1_000;
        private int readings;

        ScriptedClock(long... steps) {
            this.steps = steps;
        }

        @Override
        public long nanoTime() {
            if (readings > 0) {
                now += steps[(readings - 1) % steps.length];
            }
            readings++;
            return now;
        }
    }

    @Test
    void runsWarmUpsThenRepetitionsAndKeepsOnlyTheTimedOnes() {
        // readings come in pairs per repetition: the step between them is the duration, the step after is the gap
        ScriptedClock clock = new ScriptedClock(900, 1, 800, 1, 10, 1, 20, 1, 30, 1);
        List<Integer> indexes = new ArrayList<>();
        int[] setups = {0};
        int[] actions = {0};
        Samples s = new RepetitionTimer(clock, new Repetitions(2, 3)).run(1, r -> {
            indexes.add(r.index());
            setups[0]++;
            r.time(0, () -> actions[0]++);
        });
        assertThat(indexes).containsExactly(-2, -1, 0, 1, 2);
        assertThat(setups[0]).isEqualTo(5);
        assertThat(actions[0]).isEqualTo(5);
        assertThat(s.series()).isEqualTo(1);
        assertThat(s.nanos(0)).containsExactly(10, 20, 30);
        assertThat(s.millis(0)).containsExactly(10e-6, 20e-6, 30e-6);
        assertThat(s.perSecond(0, 5)).containsExactly(5 / 10e-9, 5 / 20e-9, 5 / 30e-9);
    }

    @Test
    void setupRunsUntimedBeforeEveryAction() {
        ScriptedClock clock = new ScriptedClock(7);
        List<String> log = new ArrayList<>();
        Samples s = new RepetitionTimer(clock, new Repetitions(1, 2)).run(() -> log.add("setup"), () -> log.add("act"));
        assertThat(log).containsExactly("setup", "act", "setup", "act", "setup", "act");
        assertThat(s.nanos(0)).containsExactly(7, 7);
        assertThat(s.seconds(0)).containsExactly(7e-9, 7e-9);
    }

    @Test
    void severalSeriesPerRepetitionAreKeptApart() {
        ScriptedClock clock = new ScriptedClock(1, 1000, 2, 1000, 3, 1000);
        Samples s = new RepetitionTimer(clock, new Repetitions(0, 2)).run(3, r -> {
            for (int k = 0; k < 3; k++) {
                r.time(k, () -> { });
            }
        });
        assertThat(s.nanos(0)).containsExactly(1, 1);
        assertThat(s.nanos(1)).containsExactly(2, 2);
        assertThat(s.nanos(2)).containsExactly(3, 3);
    }

    @Test
    void warmUpRepetitionsAreNotTimedAndSayWhichTheyAre() {
        List<Boolean> timed = new ArrayList<>();
        RepetitionTimer.of(3, 1).run(1, r -> {
            timed.add(r.timed());
            r.time(0, () -> { });
        });
        assertThat(timed).containsExactly(false, false, false, true);
    }

    @Test
    void aSeriesLeftUntimedOrTimedTwiceIsABug() {
        RepetitionTimer t = new RepetitionTimer(new ScriptedClock(1), new Repetitions(0, 1));
        assertThatThrownBy(() -> t.run(2, r -> r.time(0, () -> { })))
                .isInstanceOf(IllegalStateException.class).hasMessage("repetition 0 did not time series 1");
        assertThatThrownBy(() -> t.run(1, r -> {
            r.time(0, () -> { });
            r.time(0, () -> { });
        })).isInstanceOf(IllegalStateException.class).hasMessage("repetition 0 timed series 0 twice");
        assertThatThrownBy(() -> t.run(1, r -> r.time(1, () -> { })))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("series 1 out of range 0..0");
    }

    @Test
    void theNumberOfRepetitionsIsValidated() {
        assertThatThrownBy(() -> new Repetitions(-1, 1)).hasMessage("warm-up repetitions = -1: allowed 0..100000");
        assertThatThrownBy(() -> new Repetitions(0, 0)).hasMessage("timed repetitions = 0: allowed 1..100000");
    }
}
