package org.configspec.profile.draft;

import java.util.OptionalDouble;

/**
 * The power seam of drafting measurement: wraps each timed drafting window so that a power meter (written elsewhere:
 * RAPL, a PMIC, tegrastats, an external meter) can report the energy spent in it. {@link #none()} measures nothing and
 * leaves {@code powerW} unknown. Implementations must not block for long in {@link #begin} or {@link Window#end}: they
 * run inside the timed window.
 */
public interface EnergyProbe {

    /** How power is measured, for provenance (e.g. {@code rapl}, {@code pmic}); empty for {@link #none()}. */
    String method();

    /** Starts a window; {@code label} names what is timed, e.g. {@code decode depth 0 rep 3}. */
    Window begin(String label);

    /** One open window. */
    interface Window {
        /** Ends the window: joules spent in it, or empty when the meter could not tell. */
        OptionalDouble end();
    }

    /** No meter: every window ends empty. */
    static EnergyProbe none() {
        return NoEnergy.INSTANCE;
    }

    /** The probe that measures nothing. */
    enum NoEnergy implements EnergyProbe {
        INSTANCE;

        @Override
        public String method() {
            return "";
        }

        @Override
        public Window begin(String label) {
            return OptionalDouble::empty;
        }
    }
}
