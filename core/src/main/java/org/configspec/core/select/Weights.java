package org.configspec.core.select;

import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;

/** Relative importance of goodput, cost (tokens per $) and energy (J per token) for the weighted choice. */
public record Weights(double goodput, double cost, double energy) {
    public Weights {
        Check.nonNegative("--weights goodput", goodput);
        Check.nonNegative("--weights cost", cost);
        Check.nonNegative("--weights energy", energy);
        if (goodput + cost + energy == 0) {
            throw new ConfigSpecException("--weights must not all be zero");
        }
    }

    public static Weights equal() {
        return new Weights(1, 1, 1);
    }

    /** Parses "g,c,e" (e.g. "1,1,1" or "0.5,0.2,0.3"). */
    public static Weights parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) {
            throw new ConfigSpecException("--weights must be three numbers goodput,cost,energy (e.g. 1,1,1), got '" + text + "'");
        }
        try {
            return new Weights(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()),
                    Double.parseDouble(parts[2].trim()));
        } catch (NumberFormatException e) {
            throw new ConfigSpecException("--weights must be three numbers goodput,cost,energy (e.g. 1,1,1), got '" + text + "'");
        }
    }

    public double of(Objective o) {
        return switch (o) {
            case GOODPUT -> goodput;
            case COST -> cost;
            case ENERGY -> energy;
        };
    }
}
