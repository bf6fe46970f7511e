package org.configspec.store;

/** What {@link ProfileStore#put} did: stored a new document, or found the identical document already stored. */
public enum PutResult {
    INSERTED, UNCHANGED
}
