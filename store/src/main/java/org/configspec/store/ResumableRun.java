package org.configspec.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;

/**
 * Drives a resumable profiling run over a list of items (prompts, K values, repetitions): begins or resumes the run
 * with this key, skips the items its run log already holds, measures the others one by one and records each result
 * the moment it is measured, then finishes the run. Killed at any point, running it again with the same key and
 * parameters measures only what is missing.
 *
 * @param store  where the run log lives
 * @param runKey what the run is asked to do; the same key resumes
 * @param params the run's parameters as JSON text; resuming with others is an error
 */
public record ResumableRun(ProfileStore store, String runKey, String params) {
    public ResumableRun {
        Check.present("resumable run: store", store);
        Check.name("resumable run: key", runKey);
        params = params == null ? "{}" : params;
    }

    /**
     * What a call did.
     *
     * @param run      the finished run
     * @param skipped  items already recorded before this call
     * @param recorded items measured and recorded by this call
     * @param items    every item of the run, in recording order
     */
    public record Outcome(ProfileRun run, int skipped, int recorded, List<RunItem> items) {
        public Outcome {
            items = List.copyOf(items);
        }
    }

    /**
     * @param items   the run's items, each with a distinct key
     * @param itemKey an item's key (stable across runs: "dolly-1234/K=4")
     * @param measure measures one item and returns its result as JSON text
     */
    public <T> Outcome run(List<T> items, Function<T, String> itemKey, Function<T, String> measure) {
        return drive(items, itemKey, (runId, key, item) -> store.recordItem(runId, key, measure.apply(item)));
    }

    /**
     * Like {@link #run}, for items that each produce one profile document: the document and its run item (result
     * {@code {"document": id}}) are stored in one transaction ({@link ProfileStore#putAndRecord}), so a run killed
     * after storing a document but before recording its item cannot store that item's document twice on resuming.
     */
    public <T> Outcome runStoring(List<T> items, Function<T, String> itemKey, Function<T, ProfileDocument> measure) {
        return drive(items, itemKey, (runId, key, item) -> {
            ProfileDocument doc = measure.apply(item);
            return store.putAndRecord(doc, runId, key, "{\"document\":\"" + doc.id() + "\"}");
        });
    }

    /** Measures and records one item; false when another process recorded it meanwhile. */
    private interface Recorder<T> {
        boolean record(String runId, String key, T item);
    }

    private <T> Outcome drive(List<T> items, Function<T, String> itemKey, Recorder<T> recorder) {
        Set<String> keys = new HashSet<>();
        for (T item : items) {
            String k = itemKey.apply(item);
            if (!keys.add(k)) {
                throw new ConfigSpecException("run '" + runKey + "': item key '" + k + "' occurs twice; item keys must be distinct");
            }
        }
        ProfileRun run = store.beginRun(runKey, params);
        Set<String> done = new HashSet<>();
        store.completedItems(run.id()).forEach(i -> done.add(i.key()));
        int skipped = 0;
        int recorded = 0;
        for (T item : items) {
            String k = itemKey.apply(item);
            if (done.contains(k)) {
                skipped++;
                continue;
            }
            if (run.isFinished()) {
                throw new ConfigSpecException("store " + store.location() + ": run '" + runKey + "' is finished but lacks item '"
                        + k + "'; use a new run key to measure more items");
            }
            if (recorder.record(run.id(), k, item)) {
                recorded++;
            } else {
                skipped++; // another process recorded it meanwhile; the first result stays
            }
        }
        ProfileRun finished = store.finishRun(run.id());
        return new Outcome(finished, skipped, recorded, store.completedItems(run.id()));
    }
}
