package org.configspec.core.select;

import org.configspec.core.space.Evaluation;

/** The three objectives: goodput and tokens per dollar are maximised, joules per token minimised. */
public enum Objective {
    GOODPUT("goodput", "tok/s", true),
    COST("tokens per $", "tok/$", true),
    ENERGY("energy per token", "J/tok", false);

    private final String label;
    private final String unit;
    private final boolean maximise;

    Objective(String label, String unit, boolean maximise) {
        this.label = label;
        this.unit = unit;
        this.maximise = maximise;
    }

    public double value(Evaluation e) {
        return switch (this) {
            case GOODPUT -> e.goodput();
            case COST -> e.tokensPerUsd();
            case ENERGY -> e.joulesPerToken();
        };
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public boolean maximise() {
        return maximise;
    }

    /** Negative when a is better than b on this objective; an unknown (NaN) value is worse than any known one. */
    public int compare(Evaluation a, Evaluation b) {
        double x = value(a);
        double y = value(b);
        boolean nx = Double.isNaN(x);
        boolean ny = Double.isNaN(y);
        if (nx || ny) {
            return Boolean.compare(nx, ny);
        }
        return maximise ? Double.compare(y, x) : Double.compare(x, y);
    }

    /** True when a is at least as good as b on this objective. */
    public boolean atLeastAsGood(Evaluation a, Evaluation b) {
        return compare(a, b) <= 0;
    }
}
