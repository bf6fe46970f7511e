package org.configspec.serve.link;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;

/**
 * One emulated link: where it listens, where it forwards to, what each direction does, and the seed of its
 * randomness (jitter and loss), so a run with the same seed and the same bytes sees the same stalls.
 *
 * @param uplink   client → upstream (edge → cloud)
 * @param downlink upstream → client (cloud → edge)
 * @param changes  scheduled changes of the delays, by time since the link started (sorted; distinct times)
 */
public record LinkSpec(HostPort listen, HostPort upstream, DirectionSpec uplink, DirectionSpec downlink, long seed,
                       List<DelayChange> changes) {
    public LinkSpec {
        changes = changes == null ? List.of() : sorted(changes);
        if (listen == null || upstream == null) {
            throw new ConfigSpecException("bad link: listen and upstream endpoints are required (allowed: HOST:PORT)");
        }
        if (upstream.port() == 0) {
            throw new ConfigSpecException("bad link upstream: " + upstream + " (allowed: a port in 1..65535)");
        }
        if (uplink == null || downlink == null) {
            throw new ConfigSpecException("bad link: both directions are required (allowed: DirectionSpec.IDEAL)");
        }
    }

    /** A link whose delays never change. */
    public LinkSpec(HostPort listen, HostPort upstream, DirectionSpec uplink, DirectionSpec downlink, long seed) {
        this(listen, upstream, uplink, downlink, seed, List.of());
    }

    private static List<DelayChange> sorted(List<DelayChange> changes) {
        List<DelayChange> s = new ArrayList<>(changes);
        s.sort(Comparator.comparing(DelayChange::at));
        for (int i = 1; i < s.size(); i++) {
            if (s.get(i).at().equals(s.get(i - 1).at())) {
                throw new ConfigSpecException("bad link schedule: two changes at " + s.get(i).describe()
                        + " (allowed: one change per time)");
            }
        }
        return List.copyOf(s);
    }

    /** This link with the delays changing as scheduled. */
    public LinkSpec withChanges(List<DelayChange> c) {
        return new LinkSpec(listen, upstream, uplink, downlink, seed, c);
    }

    /** The same behaviour in both directions. */
    public static LinkSpec symmetric(HostPort listen, HostPort upstream, DirectionSpec both, long seed) {
        return new LinkSpec(listen, upstream, both, both, seed);
    }

    /** The default loss stall: an RTO of max(200 ms, RTT), where RTT = uplink + downlink delay (Linux's minimum RTO is 200 ms). */
    public static Duration defaultLossStall(Duration uplinkDelay, Duration downlinkDelay) {
        Duration rtt = uplinkDelay.plus(downlinkDelay);
        Duration min = Duration.ofMillis(200);
        return rtt.compareTo(min) > 0 ? rtt : min;
    }

    public String describe() {
        return listen + " -> " + upstream + "; up: " + uplink.describe() + "; down: " + downlink.describe()
                + "; seed " + seed + scheduleText();
    }

    /** "; then from 30 s: delay 50 ms" per change, or "" for a steady link. */
    public String scheduleText() {
        StringBuilder b = new StringBuilder();
        changes.forEach(c -> b.append("; then ").append(c.describe()));
        return b.toString();
    }
}
