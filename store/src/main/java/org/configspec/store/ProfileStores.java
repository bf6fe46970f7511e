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

    /** The store named by --store if given, else $CONFIGSPEC_STORE, else ~/.configspec/profiles.db. */
    public static StoreLocation resolve(String flag, Map<String, String> env) {
        return flag == null || flag.isBlank() ? StoreLocation.defaultLocation(env) : StoreLocation.parse(flag);
    }
}
