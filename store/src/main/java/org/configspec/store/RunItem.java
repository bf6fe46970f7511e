package org.configspec.store;

import java.time.Instant;
import org.configspec.core.error.Check;

/**
 * One completed item of a profiling run (one prompt, one K, one repetition: whatever the run iterates over).
 *
 * @param key      the item's key, unique within its run
 * @param seq      1, 2, 3, ... in the order items were recorded
 * @param recorded when it was committed
 * @param result   its result as JSON text
 */
public record RunItem(String key, long seq, Instant recorded, String result) {
    public RunItem {
        Check.name("run item key", key);
        Check.present("run item '" + key + "': recorded", recorded);
        Check.present("run item '" + key + "': result", result);
    }
}
