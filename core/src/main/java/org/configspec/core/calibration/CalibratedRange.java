package org.configspec.core.calibration;

import org.configspec.core.error.ConfigSpecException;

/**
 * The batch shapes a service-time fit was measured on: batches of {@code minSessions..maxSessions} sessions with
 * K in {@code minK..maxK} per session (K + 1 positions each). A batch is covered when its session count is in range
 * and its positions per session (mean over its sessions, for mixed K) are within minK + 1 .. maxK + 1.
 */
public record CalibratedRange(int minSessions, int maxSessions, int minK, int maxK) {
    public CalibratedRange {
        if (minSessions < 1 || maxSessions < minSessions || minK < 0 || maxK < minK) {
            throw new ConfigSpecException("calibrated range: sessions " + minSessions + ".." + maxSessions + ", K "
                    + minK + ".." + maxK + ": allowed 1 <= min <= max sessions, 0 <= min <= max K");
        }
    }

    public boolean covers(int sessions, int tokens) {
        return sessions >= minSessions && sessions <= maxSessions
                && tokens >= (long) sessions * (minK + 1) && tokens <= (long) sessions * (maxK + 1);
    }

    public String describe() {
        return "batches of " + minSessions + ".." + maxSessions + " sessions at K " + minK + ".." + maxK;
    }
}
