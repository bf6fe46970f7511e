package org.configspec.cli.commands.store;

import org.configspec.store.ProfileStore;
import org.configspec.store.ProfileStores;
import org.configspec.store.StoreLocation;
import picocli.CommandLine.Option;

/** --store URL: sqlite:PATH, a file path or jdbc:postgresql://host/db; default $CONFIGSPEC_STORE, else ~/.configspec/profiles.db. */
public final class StoreOption {
    @Option(names = "--store", paramLabel = "URL",
            description = "Profile store: sqlite:PATH, a file path, or jdbc:postgresql://host[:port]/db?user=..&password=..."
                    + " Default: $" + StoreLocation.ENV + ", else ~/.configspec/profiles.db.")
    String store;

    public StoreLocation location() {
        return ProfileStores.resolve(store, System.getenv());
    }

    /** Opens the store, creating it if absent: for commands that write profiles. */
    public ProfileStore open() {
        return ProfileStores.open(location());
    }

    /** Opens a store that must exist: for commands that only read. */
    public ProfileStore openExisting() {
        return ProfileStores.openExisting(location());
    }
}
