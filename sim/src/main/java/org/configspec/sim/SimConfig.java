package org.configspec.sim;

import org.configspec.core.error.ConfigSpecException;

/**
 * One simulation: {@code clients} identical edge clients, assigned round-robin to {@code verifiers} verifiers, all
 * sessions open at time 0 and decoding without end for {@code durationS} simulated seconds.
 */
public record SimConfig(ClientSpec client, int clients, int verifiers, double durationS, long seed, Batching batching,
                        ServiceTime service, RttModel rtt) {
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
    }

    public SimConfig withClients(int n) {
        return new SimConfig(client, n, verifiers, durationS, seed, batching, service, rtt);
    }

    public SimConfig withVerifiers(int v) {
        return new SimConfig(client, clients, v, durationS, seed, batching, service, rtt);
    }

    public SimConfig withClient(ClientSpec c) {
        return new SimConfig(c, clients, verifiers, durationS, seed, batching, service, rtt);
    }

    public SimConfig withDuration(double seconds) {
        return new SimConfig(client, clients, verifiers, seconds, seed, batching, service, rtt);
    }

    public SimConfig withRtt(RttModel r) {
        return new SimConfig(client, clients, verifiers, durationS, seed, batching, service, r);
    }
}
