package org.configspec.serve.metrics;

/**
 * The edge device's energy meter as a run sees it: {@link #start()} opens a window over the generation,
 * {@link Window#stop()} closes it. The real meters live in the profile module (profile/power); the launcher adapts
 * one to this seam, so that serve does not depend on profile.
 */
public interface EnergyMeter {
    Window start();

    /** One open measurement window. */
    interface Window {
        EdgeEnergy stop();
    }
}
