package org.configspec.store;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A stand-in for a long profiling run: a {@link ResumableRun} over items prompt-0000 .., each "measured" in DELAY_MS. Run as a child JVM by the kill -9 test: {@code FakeProfilingRun URL RUN_KEY ITEMS DELAY_MS}.
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

    static ResumableRun.Outcome run(ProfileStore store, String runKey, int items, long delayMs) {
        List<Integer> all = IntStream.range(0, items).boxed().collect(Collectors.toList());
        return new ResumableRun(store, runKey, params(items)).run(all, FakeProfilingRun::itemKey, i -> {
            if (delayMs > 0) {
                try {
                    Thread.sleep(delayMs); // "measuring"
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return result(i);
        });
    }
}
