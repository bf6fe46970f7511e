package org.configspec.serve.link;

import java.time.Duration;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.units.Durations;

/**
 * A scheduled change of the link's one-way delays: from {@code at} after the link started, a chunk that arrives gets
 * {@code upDelay} (uplink) or {@code downDelay} (downlink) instead of its direction's delay (a handover to a slower
 * network, a route change). Byte order is kept when the delay shrinks: a chunk is never released before the one ahead.
 *
 * @param at        time since the link started
 * @param upDelay   the uplink's one-way delay from then on
 * @param downDelay the downlink's one-way delay from then on
 */
public record DelayChange(Duration at, Duration upDelay, Duration downDelay) {
    public DelayChange {
        Durations.check(at, "link change time (--then-at)");
        Durations.check(upDelay, "link delay after the change");
        Durations.check(downDelay, "link delay after the change");
        if (at.isZero()) {
            throw new ConfigSpecException("bad link change time (--then-at): 0 (allowed: > 0; give the delay as --delay)");
        }
    }

    /** "from 30 s: delay 50 ms" (or "up 40 ms, down 60 ms" when they differ). */
    public String describe() {
        return "from " + Durations.format(at) + ": delay " + (upDelay.equals(downDelay) ? Durations.format(upDelay)
                : "up " + Durations.format(upDelay) + ", down " + Durations.format(downDelay));
    }
}
