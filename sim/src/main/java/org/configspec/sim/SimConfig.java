package org.configspec.sim;

import org.configspec.core.error.ConfigSpecException;

/**
 * One simulation: {@code clients} edge clients, assigned round-robin to {@code verifiers} verifiers, for
 * {@code durationS} simulated seconds. By default every client is {@code client}, opens its session at time 0 and
 * decodes without end ({@link Workload#STEADY}); {@code mix} gives client classes in proportions (its first class is
 * {@code client}) and {@code workload} sessions that arrive, carry a prompt and end. With Poisson arrivals
 * {@code clients} is the most sessions open at once.
 */
public record SimConfig(ClientSpec client, int clients, int verifiers, double durationS, long seed, Batching batching,
                        ServiceTime service, RttModel rtt, ClientMix mix, Workload workload) {
    public SimConfig {
        if (clients < 1 || clients > 1_000_000) {
            throw new ConfigSpecException("--clients = " + clients + ": allowed 1..1000000");
        }
        if (verifiers < 1 || verifiers > 100_000) {
            throw new ConfigSpecException("--verifiers = " + verifiers + ": allowed 1..100000");
        }
        if (!(durationS > 0) || durationS > 10_000_000) {
            throw new ConfigSpecException("--duration = " + durationS + " s: allowed more than 0 s, up to 10^7 s");
        }
        if (mix == null || mix.size() == 1 && mix.spec(0) != client) {
            mix = ClientMix.of(client);
        }
        if (mix.spec(0) != client) {
            throw new IllegalArgumentException("the mix's first class must be the configuration's client");
        }
        if (workload == null) {
            workload = Workload.STEADY;
        }
    }

    /** Identical clients of one configuration, all sessions open from time 0 to the end. */
    public SimConfig(ClientSpec client, int clients, int verifiers, double durationS, long seed, Batching batching,
                     ServiceTime service, RttModel rtt) {
        this(client, clients, verifiers, durationS, seed, batching, service, rtt, null, null);
    }

    /** Client classes in proportions; the configuration's client is the first class. */
    public static SimConfig mixed(ClientMix mix, int clients, int verifiers, double durationS, long seed, Batching batching,
                                  ServiceTime service, RttModel rtt, Workload workload) {
        return new SimConfig(mix.spec(0), clients, verifiers, durationS, seed, batching, service, rtt, mix, workload);
    }

    /** Whether the output needs the per-class and session sections (more than one class, or sessions that end). */
    public boolean extended() {
        return mix.size() > 1 || !workload.steady();
    }

    public SimConfig withClients(int n) {
        return new SimConfig(client, n, verifiers, durationS, seed, batching, service, rtt, mix, workload);
    }

    public SimConfig withVerifiers(int v) {
        return new SimConfig(client, clients, v, durationS, seed, batching, service, rtt, mix, workload);
    }

    /** One class of client {@code c} (drops a mix). */
    public SimConfig withClient(ClientSpec c) {
        return new SimConfig(c, clients, verifiers, durationS, seed, batching, service, rtt, null, workload);
    }

    public SimConfig withDuration(double seconds) {
        return new SimConfig(client, clients, verifiers, seconds, seed, batching, service, rtt, mix, workload);
    }

    public SimConfig withRtt(RttModel r) {
        return new SimConfig(client, clients, verifiers, durationS, seed, batching, service, r, mix, workload);
    }

    public SimConfig withWorkload(Workload w) {
        return new SimConfig(client, clients, verifiers, durationS, seed, batching, service, rtt, mix, w);
    }
}
