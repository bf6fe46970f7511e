package org.configspec.store;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.configspec.core.error.ConfigSpecException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a store's schema up to date with Flyway. One migration set, {@code classpath:db/migration/store}, serves
 * SQLite and PostgreSQL alike (it uses only SQL both accept), so both databases always have the same schema version.
 * Already-applied migrations are skipped, so opening a store again changes nothing.
 */
public final class Migrations {
    public static final String LOCATION = "classpath:db/migration/store";
    public static final String HISTORY_TABLE = "flyway_schema_history";
    /** Kept strongly reachable: java.util.logging forgets configured loggers that nobody references. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    private Migrations() {
    }

    /** Applies pending migrations; returns how many were applied now. */
    static int apply(String jdbcUrl, StoreLocation where) {
        try {
            MigrateResult r = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(jdbcUrl, null, null)
                    .locations(LOCATION)
                    .table(HISTORY_TABLE)
                    .load()
                    .migrate();
            return r.migrationsExecuted;
        } catch (FlywayException e) {
            throw new ConfigSpecException("store " + where.display() + ": cannot bring the schema up to date: "
                    + JdbcProfileStore.oneLine(StoreLocation.redact(String.valueOf(e.getMessage()))), e);
        }
    }
}
