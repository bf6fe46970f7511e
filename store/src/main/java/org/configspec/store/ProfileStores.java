package org.configspec.store;

import java.time.Clock;
import java.util.Map;

/** Opens a {@link ProfileStore} by URL: {@code sqlite:PATH}, a plain path, or {@code jdbc:postgresql://...}. */
public final class ProfileStores {
    private ProfileStores() {
    }

    public static ProfileStore open(String url) {
        return open(StoreLocation.parse(url));
    }

    public static ProfileStore open(StoreLocation location) {
        return switch (location.type()) {
            case SQLITE -> SqliteProfileStore.open(location, Clock.systemUTC());
            case POSTGRESQL -> PostgresProfileStore.open(location, Clock.systemUTC());
        };
    }

    /**
     * Opens a store that must already exist: for commands that only read (list, show, export, select --store), where
     * a mistyped path must be an error rather than a new empty store. Only commands that write create a store.
     */
    public static ProfileStore openExisting(StoreLocation location) {
        if (location.type() == StoreLocation.Type.SQLITE) {
            java.nio.file.Path file = location.file();
            if (!java.nio.file.Files.exists(file)) {
                throw new org.configspec.core.error.ConfigSpecException("store " + location.display() + ": no such"
                        + " file (only commands that write profiles, such as 'profile all' or 'store import', create"
                        + " a store)");
            }
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new org.configspec.core.error.ConfigSpecException("store " + location.display() + ": not a"
                        + " regular file; expected an SQLite file");
            }
        }
        return open(location);
    }

    /** The store named by --store if given, else $CONFIGSPEC_STORE, else ~/.configspec/profiles.db. */
    public static StoreLocation resolve(String flag, Map<String, String> env) {
        return flag == null || flag.isBlank() ? StoreLocation.defaultLocation(env) : StoreLocation.parse(flag);
    }
}
