package org.configspec.store;

import java.time.Instant;
import org.configspec.core.error.Check;

/**
 * One resumable profiling run in the run log.
 *
 * @param id       the run's id (a UUID)
 * @param key      what was asked for, unique in the store: beginning a run with the same key resumes it
 * @param params   the run's parameters as JSON text
 * @param status   running or finished
 * @param started  when the run was first begun
 * @param finished when it was finished, or null while running
 */
public record ProfileRun(String id, String key, String params, RunStatus status, Instant started, Instant finished) {
    public ProfileRun {
        Check.name("run.id", id);
        Check.name("run.key", key);
        Check.present("run '" + key + "': params", params);
        Check.present("run '" + key + "': status", status);
        Check.present("run '" + key + "': started", started);
    }

    public boolean isFinished() {
        return status == RunStatus.FINISHED;
    }
}
