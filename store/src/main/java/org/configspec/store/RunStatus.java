package org.configspec.store;

/** A profiling run is RUNNING until {@link ProfileStore#finishRun} marks it FINISHED. */
public enum RunStatus {
    RUNNING, FINISHED
}
