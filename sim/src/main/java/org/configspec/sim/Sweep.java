package org.configspec.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;

/** {@code --sweep clients=1,10,100} or {@code --sweep verifiers=1,2,4}: one simulation per value. */
public record Sweep(String key, int[] values) {
    public static final String CLIENTS = "clients";
    public static final String VERIFIERS = "verifiers";

    public Sweep {
        values = values.clone();
    }

    public static Sweep parse(String text) {
        String t = text == null ? "" : text.trim();
        int eq = t.indexOf('=');
        String key = eq < 0 ? "" : t.substring(0, eq).trim();
        if (!key.equals(CLIENTS) && !key.equals(VERIFIERS)) {
            throw new ConfigSpecException("--sweep '" + text + "': allowed clients=N,N,... or verifiers=N,N,...");
        }
        List<Integer> vs = new ArrayList<>();
        for (String part : t.substring(eq + 1).split(",")) {
            try {
                int v = Integer.parseInt(part.trim());
                if (v < 1) {
                    throw new NumberFormatException();
                }
                vs.add(v);
            } catch (NumberFormatException e) {
                throw new ConfigSpecException("--sweep " + key + ": '" + part.trim() + "' is not a positive whole number");
            }
        }
        return new Sweep(key, vs.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The configurations, in the order given. */
    public List<SimConfig> configs(SimConfig base) {
        return Arrays.stream(values).mapToObj(v -> key.equals(CLIENTS) ? base.withClients(v) : base.withVerifiers(v)).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sweep s && s.key.equals(key) && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return key + "=" + Arrays.toString(values);
    }
}
