package org.configspec.core.space;

/** Whether a draft variant fits the device's memory. */
public enum Fit {
    FITS, DOES_NOT_FIT, UNKNOWN;

    static Fit of(long deviceBytes, long requiredBytes) {
        if (deviceBytes <= 0) {
            return UNKNOWN;
        }
        return requiredBytes <= deviceBytes ? FITS : DOES_NOT_FIT;
    }
}
