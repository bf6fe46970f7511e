package org.configspec.store;

import java.util.List;
import java.util.Optional;

/**
 * Where profiles live: stored profile documents, and the run log that makes long profiling runs resumable.
 * Implementations: {@link SqliteProfileStore} (a file on each device, the default) and {@link PostgresProfileStore}
 * (one database for a fleet), both with the same Flyway-versioned schema; open one by URL with
 * {@link ProfileStores#open(String)}. Every failure is a {@link org.configspec.core.error.ConfigSpecException}
 * whose one-line message names the store (its URL without password), the id or key and the problem.
 */
public interface ProfileStore extends AutoCloseable {

    /** The store's location as the user wrote it, with any password removed. */
    String location();

    /**
     * Stores a document, idempotently on its id: storing the same content again is {@link PutResult#UNCHANGED};
     * a different document under an existing id is an error (ids are content-derived or unique).
     */
    PutResult put(ProfileDocument document);

    /** Stores several documents in one transaction (all or none); results in the documents' order. */
    List<PutResult> putAll(List<ProfileDocument> documents);

    Optional<ProfileDocument> get(String id);

    /** Matching documents, oldest first (ties by id). */
    List<ProfileDocument> list(ProfileFilter filter);

    /** Removes a document; false when there was none with that id. */
    boolean delete(String id);

    /**
     * Begins the run with this key, or returns the existing run with this key (to resume it). Resuming with other
     * parameters than the run was begun with is an error: its completed items would not belong together.
     *
     * @param runKey what the run is asked to do (e.g. "draft-speed stories15M Q8_0 on laptop, 40 prompts")
     * @param params the run's parameters as JSON text
     */
    ProfileRun beginRun(String runKey, String params);

    /** The run with this key, if any. */
    Optional<ProfileRun> findRun(String runKey);

    /**
     * Records one completed item, atomically and durably (one transaction, committed before returning).
     *
     * @return true when recorded now, false when the run already had an item with this key (the first one stays)
     */
    boolean recordItem(String runId, String itemKey, String result);

    /**
     * Stores a measured document and records the run item that produced it in one transaction: a process killed
     * between the two leaves neither, so the resumed run measures the item again without a second document for it.
     *
     * @return true when stored and recorded now, false when the run already had an item with this key (then the
     *         document is not stored; the first result stays)
     */
    boolean putAndRecord(ProfileDocument document, String runId, String itemKey, String result);

    /** The run's completed items in the order they were recorded. */
    List<RunItem> completedItems(String runId);

    /** Marks the run finished (idempotent) and returns it. */
    ProfileRun finishRun(String runId);

    @Override
    void close();
}
