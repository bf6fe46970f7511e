package org.configspec.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import org.configspec.core.error.ConfigSpecException;

/**
 * The profile store in a PostgreSQL database, for fleets of devices writing to one place (SQLite: one per device). Same
 * schema and migrations as {@link SqliteProfileStore}. Each write commits before returning (PostgreSQL's default
 * {@code synchronous_commit=on} makes a commit durable).
 */
public final class PostgresProfileStore extends JdbcProfileStore {
    private PostgresProfileStore(StoreLocation location, Connection c, Clock clock) {
        super(location, c, clock);
    }

    /** Opens the database at a JDBC URL ({@code jdbc:postgresql://host[:port]/db?user=..&password=..}). */
    public static PostgresProfileStore open(String jdbcUrl) {
        return open(StoreLocation.parse(jdbcUrl), Clock.systemUTC());
    }

    static PostgresProfileStore open(StoreLocation location, Clock clock) {
        Connection c;
        try {
            c = DriverManager.getConnection(location.target());
        } catch (SQLException e) {
            throw new ConfigSpecException("store " + location.display() + ": cannot connect: "
                    + JdbcProfileStore.oneLine(StoreLocation.redact(String.valueOf(e.getMessage()))), e);
        }
        try {
            Migrations.apply(location.target(), location);
        } catch (RuntimeException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the migration error is the one to report
            }
            throw e;
        }
        return new PostgresProfileStore(location, c, clock);
    }
}
