package org.configspec.sim;

import java.util.ArrayList;
import java.util.List;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.model.ModelOptions;
import org.configspec.serve.client.PolicyKind;

/**
 * Client classes in proportions ({@code --mix}): each a device × draft × quant × K policy with a weight. Clients (or,
 * with Poisson arrivals, sessions in order of arrival) take the classes by smooth weighted round robin: after any
 * number n of them, class i has round(n · w_i / Σw) ± 1 of them, deterministically and interleaved.
 */
public record ClientMix(List<Share> shares) {
    /** One class: its client, weight and the entry that named it. */
    public record Share(ClientSpec spec, double weight, String label) {
        public Share {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new ConfigSpecException("--mix entry '" + label + "': weight " + weight
                        + " (allowed a finite number >= 0)");
            }
        }
    }

    public ClientMix {
        shares = List.copyOf(shares);
        double sum = shares.stream().mapToDouble(Share::weight).sum();
        if (shares.isEmpty() || !(sum > 0)) {
            throw new ConfigSpecException("--mix: the weights sum to " + sum + " (allowed weights >= 0 that sum to a"
                    + " positive number)");
        }
    }

    /** Every client of one class. */
    public static ClientMix of(ClientSpec c) {
        return new ClientMix(List.of(new Share(c, 1, c.name())));
    }

    public int size() {
        return shares.size();
    }

    public ClientSpec spec(int i) {
        return shares.get(i).spec();
    }

    /** The largest --k-max of the classes. */
    public int maxK() {
        return shares.stream().mapToInt(s -> s.spec().acceptance().maxK()).max().orElse(1);
    }

    /** Deals classes out in order (smooth weighted round robin); one per simulation. */
    public final class Dealer {
        private final double[] current = new double[shares.size()];
        private final double total = shares.stream().mapToDouble(Share::weight).sum();

        public int next() {
            int best = 0;
            for (int i = 0; i < current.length; i++) {
                current[i] += shares.get(i).weight();
                if (current[i] > current[best]) {
                    best = i;
                }
            }
            current[best] -= total;
            return best;
        }
    }

    /**
     * Parses {@code DEVICE/DRAFT[/QUANT]/POLICY=WEIGHT,...}: POLICY is {@code kN} (fixed K = N) or an adaptive policy
     * name (backoff, optimal, bandit, tracking; starting at {@code startK}); every class drafts for {@code target}.
     */
    public static ClientMix parse(String text, Catalog catalog, ModelOptions o, String target, int startK) {
        List<Share> out = new ArrayList<>();
        for (String raw : (text == null ? "" : text).split(",")) {
            String entry = raw.trim();
            int eq = entry.lastIndexOf('=');
            String[] parts = (eq < 0 ? entry : entry.substring(0, eq)).split("/");
            if (eq < 0 || parts.length < 3 || parts.length > 4) {
                throw new ConfigSpecException("--mix entry '" + entry + "': allowed DEVICE/DRAFT[/QUANT]/POLICY=WEIGHT,"
                        + " e.g. RPi 5/Qwen3-0.6B/Q8_0/k4=3 (POLICY: kN or " + PolicyKind.allowed().replace("fixed, ", "")
                        + ")");
            }
            double weight;
            try {
                weight = Double.parseDouble(entry.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new ConfigSpecException("--mix entry '" + entry + "': weight '" + entry.substring(eq + 1).trim()
                        + "' is not a number (allowed a number >= 0)");
            }
            String policy = parts[parts.length - 1].trim();
            PolicyKind kind;
            int k = startK;
            if (policy.matches("[kK]\\d{1,3}")) {
                kind = PolicyKind.FIXED;
                k = Integer.parseInt(policy.substring(1));
            } else {
                try {
                    kind = PolicyKind.parse(policy);
                } catch (ConfigSpecException e) {
                    throw new ConfigSpecException("--mix entry '" + entry + "': unknown policy '" + policy + "' (allowed kN"
                            + " for a fixed K, or " + PolicyKind.allowed().replace("fixed, ", "") + ")");
                }
                if (kind == PolicyKind.FIXED) {
                    throw new ConfigSpecException("--mix entry '" + entry + "': give a fixed K as kN, e.g. k4");
                }
            }
            String quant = parts.length == 4 ? parts[2].trim() : null;
            try {
                var candidate = Selection.candidate(catalog, o, target, parts[0].trim(), parts[1].trim(), quant);
                out.add(new Share(Clients.of(candidate, o, kind, k), weight, entry.substring(0, eq).trim()));
            } catch (ConfigSpecException e) {
                throw new ConfigSpecException("--mix entry '" + entry + "': " + e.getMessage());
            }
        }
        return new ClientMix(out);
    }
}
