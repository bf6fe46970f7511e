package org.configspec.serve.link;

import java.util.concurrent.atomic.LongAdder;

/** Live counters of one direction of a link, updated by every connection's writer. */
final class DirectionCounters {
    private final LongAdder bytes = new LongAdder();
    private final LongAdder chunks = new LongAdder();
    private final LongAdder lossStalls = new LongAdder();
    private final LongAdder lostSegments = new LongAdder();
    private final LongAdder periodicStalls = new LongAdder();
    private final LongAdder stalledSegments = new LongAdder();

    void delivered(int n, Scheduled s) {
        bytes.add(n);
        chunks.increment();
        if (s.lostSegments() > 0) {
            lossStalls.increment();
            lostSegments.add(s.lostSegments());
        }
        if (s.stallSegments() > 0) {
            periodicStalls.increment();
            stalledSegments.add(s.stallSegments());
        }
    }

    DirectionStats snapshot() {
        return new DirectionStats(bytes.sum(), chunks.sum(), lossStalls.sum(), lostSegments.sum(), periodicStalls.sum(),
                stalledSegments.sum());
    }
}
