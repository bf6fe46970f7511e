package org.configspec.serve.link;

import java.time.Duration;
import org.configspec.core.error.ConfigSpecException;

/**
 * One emulated link: where it listens, where it forwards to, what each direction does, and the seed of its
 * randomness (jitter and loss), so a run with the same seed and the same bytes sees the same stalls.
 *
 * @param uplink   client → upstream (edge → cloud)
 * @param downlink upstream → client (cloud → edge)
 */
public record LinkSpec(HostPort listen, HostPort upstream, DirectionSpec uplink, DirectionSpec downlink, long seed) {
    public LinkSpec {
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
                + "; seed " + seed;
    }
}
