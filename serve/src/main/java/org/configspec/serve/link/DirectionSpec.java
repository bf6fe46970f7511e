package org.configspec.serve.link;

import java.time.Duration;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.units.Durations;

/**
 * What one direction of the link does to the bytes that cross it (see the package documentation for the model).
 *
 * @param delay       one-way propagation delay added to every chunk
 * @param jitter      upper bound of a uniform random extra delay in [0, jitter] per chunk (never reorders)
 * @param bandwidth   serialisation rate of this direction, shared by all connections of the link
 * @param loss        probability in [0, 1] that a 1460-byte segment is "lost"; its chunk waits {@code lossStall}
 * @param lossStall   the retransmission-like stall of a chunk with a lost segment (an RTO)
 * @param stallEvery  every {@code stallEvery}-th segment stalls its chunk by {@code stall}; 0 = never
 * @param stall       the periodic stall (a handover, a radio wake-up)
 */
public record DirectionSpec(Duration delay, Duration jitter, Bandwidth bandwidth, double loss, Duration lossStall,
                            long stallEvery, Duration stall) {
    /** The ideal direction: no delay, no limit, no loss, no stalls. */
    public static final DirectionSpec IDEAL = new DirectionSpec(Duration.ZERO, Duration.ZERO, Bandwidth.UNLIMITED,
            0, Duration.ofMillis(200), 0, Duration.ZERO);

    public DirectionSpec {
        Durations.check(delay, "link delay");
        Durations.check(jitter, "link jitter");
        Durations.check(lossStall, "link loss stall");
        Durations.check(stall, "link stall");
        if (bandwidth == null) {
            throw new ConfigSpecException("bad link bandwidth: null (allowed: a rate > 0 or Bandwidth.UNLIMITED)");
        }
        if (!(loss >= 0 && loss <= 1)) {
            throw new ConfigSpecException("bad link loss: " + loss + " (allowed: a probability in [0, 1])");
        }
        if (stallEvery < 0) {
            throw new ConfigSpecException("bad link stall-every: " + stallEvery + " (allowed: segments >= 0, 0 = never)");
        }
    }

    public DirectionSpec withDelay(Duration d) {
        return new DirectionSpec(d, jitter, bandwidth, loss, lossStall, stallEvery, stall);
    }

    public DirectionSpec withJitter(Duration j) {
        return new DirectionSpec(delay, j, bandwidth, loss, lossStall, stallEvery, stall);
    }

    public DirectionSpec withBandwidth(Bandwidth b) {
        return new DirectionSpec(delay, jitter, b, loss, lossStall, stallEvery, stall);
    }

    public DirectionSpec withLoss(double p, Duration rto) {
        return new DirectionSpec(delay, jitter, bandwidth, p, rto, stallEvery, stall);
    }

    public DirectionSpec withStalls(long every, Duration s) {
        return new DirectionSpec(delay, jitter, bandwidth, loss, lossStall, every, s);
    }

    /** "delay 50 ms, jitter 10 ms, 10 Mbit/s, loss 0.01 (stall 200 ms), stall 200 ms every 100 segments". */
    public String describe() {
        StringBuilder b = new StringBuilder("delay ").append(Durations.format(delay));
        if (!jitter.isZero()) {
            b.append(" + jitter ").append(Durations.format(jitter));
        }
        b.append(", ").append(bandwidth);
        if (loss > 0) {
            b.append(", loss ").append(loss).append(" (stall ").append(Durations.format(lossStall)).append(')');
        }
        if (stallEvery > 0) {
            b.append(", stall ").append(Durations.format(stall)).append(" every ").append(stallEvery).append(" segments");
        }
        return b.toString();
    }
}
