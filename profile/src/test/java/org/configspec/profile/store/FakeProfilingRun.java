package org.configspec.profile.store;

import java.util.HashSet;
import java.util.Set;

/**
 * A stand-in for a long profiling run: records items prompt-0000 .. one by one into a store, skipping those already
 * recorded (resume). Run as a child JVM by the kill -9 test: {@code FakeProfilingRun URL RUN_KEY ITEMS DELAY_MS}.
 */
public final class FakeProfilingRun {
    private FakeProfilingRun() {
    }

    public static void main(String[] args) throws Exception {
        try (ProfileStore store = ProfileStores.open(args[0])) {
            run(store, args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]));
        }
    }

    static String params(int items) {
        return "{\"items\":" + items + ",\"what\":\"fake\"}";
    }

    static String itemKey(int i) {
        return String.format("prompt-%04d", i);
    }

    /** The item's result, a pure function of its index, so a resumed run writes what the killed one would have. */
    static String result(int i) {
        return "{\"item\":" + i + ",\"tokPerS\":" + (100 + i % 17) + ".5}";
    }

    static ProfileRun run(ProfileStore store, String runKey, int items, long delayMs) throws InterruptedException {
        ProfileRun run = store.beginRun(runKey, params(items));
        Set<String> done = new HashSet<>();
        store.completedItems(run.id()).forEach(i -> done.add(i.key()));
        for (int i = 0; i < items; i++) {
            if (done.contains(itemKey(i))) {
                continue;
            }
            if (delayMs > 0) {
                Thread.sleep(delayMs); // "measuring"
            }
            store.recordItem(run.id(), itemKey(i), result(i));
        }
        return store.finishRun(run.id());
    }
}
