package org.configspec.serve.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timing model alone: exact release times from given arrival times, no sockets and no clocks. */
class DirectionModelTest {
    private static final long MS = 1_000_000L;

    private static DirectionModel model(DirectionSpec spec, long seed) {
        return new DirectionModel(spec, new Serializer(spec.bandwidth()), seed);
    }

    @Test
    void aChunkIsReleasedOneDelayAfterItArrives() {
        DirectionModel m = model(DirectionSpec.IDEAL.withDelay(Duration.ofMillis(50)), 1);
        assertThat(m.schedule(1000 * MS, 100).releaseNanos()).isEqualTo(1050 * MS);
        assertThat(m.scheduleEnd(2000 * MS)).isEqualTo(2050 * MS);
    }

    @Test
    void bandwidthSerialisesChunksBackToBack() {
        // 8 Mbit/s = 1 byte/us: 1000 bytes take 1 ms on the wire
        DirectionModel m = model(DirectionSpec.IDEAL.withBandwidth(Bandwidth.bitsPerSecond(8e6))
                .withDelay(Duration.ofMillis(10)), 1);
        assertThat(m.schedule(0, 1000).releaseNanos()).isEqualTo(11 * MS);
        assertThat(m.schedule(0, 1000).releaseNanos()).isEqualTo(12 * MS);
        assertThat(m.schedule(100 * MS, 1000).releaseNanos()).as("an idle link gives no burst credit").isEqualTo(111 * MS);
    }

    @Test
    void connectionsShareTheDirectionsBandwidth() {
        DirectionSpec spec = DirectionSpec.IDEAL.withBandwidth(Bandwidth.bitsPerSecond(8e6));
        Serializer shared = new Serializer(spec.bandwidth());
        DirectionModel a = new DirectionModel(spec, shared, 1);
        DirectionModel b = new DirectionModel(spec, shared, 2);
        assertThat(a.schedule(0, 1000).releaseNanos()).isEqualTo(1 * MS);
        assertThat(b.schedule(0, 1000).releaseNanos()).isEqualTo(2 * MS);
    }

    @Test
    void aScheduledChangeSetsTheDelayOfChunksArrivingFromItsTimeOnAndNeverReorders() {
        // link started at 1 s; from 30 s after the start the delay is 50 ms instead of 10 ms, from 60 s 5 ms
        long start = 1000 * MS;
        DirectionModel m = new DirectionModel(DirectionSpec.IDEAL.withDelay(Duration.ofMillis(10)),
                new Serializer(Bandwidth.UNLIMITED), 1, start, new long[] {30_000 * MS, 60_000 * MS}, new long[] {50 * MS, 5 * MS});
        assertThat(m.schedule(start + 29_999 * MS, 10).releaseNanos()).isEqualTo(start + 30_009 * MS);
        assertThat(m.schedule(start + 30_000 * MS, 10).releaseNanos()).isEqualTo(start + 30_050 * MS);
        assertThat(m.schedule(start + 59_990 * MS, 10).releaseNanos()).isEqualTo(start + 60_040 * MS);
        // the delay shrinks to 5 ms, but this chunk may not overtake the one ahead of it (released at 60.040 s)
        assertThat(m.schedule(start + 60_000 * MS, 10).releaseNanos()).isEqualTo(start + 60_040 * MS);
        assertThat(m.schedule(start + 61_000 * MS, 10).releaseNanos()).isEqualTo(start + 61_005 * MS);
        assertThat(m.scheduleEnd(start + 62_000 * MS)).isEqualTo(start + 62_005 * MS);
    }

    @Test
    void jitterNeverReleasesAChunkBeforeTheOneAheadOfIt() {
        DirectionModel m = model(DirectionSpec.IDEAL.withDelay(Duration.ofMillis(5)).withJitter(Duration.ofMillis(50)), 7);
        long previous = Long.MIN_VALUE;
        boolean someJitter = false;
        for (int i = 0; i < 1000; i++) {
            long arrival = i * MS;
            long release = m.schedule(arrival, 10).releaseNanos();
            assertThat(release).isGreaterThanOrEqualTo(previous).isGreaterThanOrEqualTo(arrival + 5 * MS)
                    .isLessThanOrEqualTo(Math.max(previous, arrival + 55 * MS));
            someJitter |= release > arrival + 5 * MS;
            previous = release;
        }
        assertThat(someJitter).isTrue();
    }

    @Test
    void aLostSegmentStallsItsChunkAndTheChunksBehindIt() {
        DirectionModel m = model(DirectionSpec.IDEAL.withDelay(Duration.ofMillis(10)).withLoss(1.0, Duration.ofMillis(300)), 1);
        Scheduled first = m.schedule(0, 100);
        assertThat(first.lostSegments()).isEqualTo(1);
        assertThat(first.releaseNanos()).isEqualTo(310 * MS);
        Scheduled inSameSegment = m.schedule(1 * MS, 100);
        assertThat(inSameSegment.lostSegments()).as("no segment starts in this chunk").isZero();
        assertThat(inSameSegment.releaseNanos()).as("held back behind the stalled chunk").isEqualTo(310 * MS);
    }

    @Test
    void lossDecisionsDependOnTheSeedAndByteCountNotOnChunking() {
        DirectionSpec spec = DirectionSpec.IDEAL.withLoss(0.05, Duration.ofMillis(200));
        int total = 1460 * 1000;
        assertThat(lostSegments(model(spec, 42), total, 1460)).isEqualTo(lostSegments(model(spec, 42), total, 7000))
                .isEqualTo(lostSegments(model(spec, 42), total, 333)).isBetween(25, 75);
        assertThat(lostSegments(model(spec, 42), total, 1460)).isNotEqualTo(lostSegments(model(spec, 43), total, 1460));
    }

    private static int lostSegments(DirectionModel m, int total, int chunk) {
        int lost = 0;
        for (int sent = 0; sent < total; sent += chunk) {
            lost += m.schedule(0, Math.min(chunk, total - sent)).lostSegments();
        }
        return lost;
    }

    @Test
    void stallsInABurstAddUpRatherThanOverlap() {
        DirectionModel m = model(DirectionSpec.IDEAL.withStalls(1, Duration.ofMillis(100)).withDelay(Duration.ofMillis(10)), 1);
        assertThat(m.schedule(0, 1460).releaseNanos()).isEqualTo(110 * MS);
        assertThat(m.schedule(0, 1460).releaseNanos()).isEqualTo(210 * MS);
        assertThat(m.schedule(0, 1460).releaseNanos()).isEqualTo(310 * MS);
        assertThat(m.scheduleEnd(0)).as("the end of stream leaves after the last stall").isEqualTo(310 * MS);
    }

    @Test
    void everyNthSegmentStallsItsChunk() {
        DirectionModel m = model(DirectionSpec.IDEAL.withStalls(3, Duration.ofMillis(100)), 1);
        List<Integer> stalled = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Scheduled s = m.schedule(i * 1000 * MS, 1460);
            if (s.stallSegments() > 0) {
                stalled.add(i);
                assertThat(s.releaseNanos()).isEqualTo(i * 1000 * MS + 100 * MS);
            }
        }
        assertThat(stalled).containsExactly(2, 5, 8);
    }
}
