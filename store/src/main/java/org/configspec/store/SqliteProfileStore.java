package org.configspec.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import org.configspec.core.error.ConfigSpecException;
import org.sqlite.SQLiteConfig;

/**
 * The profile store in one SQLite file, the default on each device.
 *
 * <p>Durability: the file is in WAL mode with {@code synchronous=FULL}. WAL lets a reader (a progress display, the
 * resume check) read while a profiling run writes. With FULL every commit fsyncs the WAL, so a recorded item
 * survives not only a killed process (NORMAL would too) but also a power cut or OS crash, which NORMAL does not
 * promise; edge boards lose power and SD cards cache writes. The cost, one fsync per item, is milliseconds against
 * items that take seconds to measure.
 */
public final class SqliteProfileStore extends JdbcProfileStore {
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private SqliteProfileStore(StoreLocation location, Connection c, Clock clock) {
        super(location, c, clock);
    }

    public static SqliteProfileStore open(Path file) {
        return open(StoreLocation.parse("sqlite:" + file), Clock.systemUTC());
    }

    static SqliteProfileStore open(StoreLocation location, Clock clock) {
        Path file = location.file().toAbsolutePath();
        if (Files.isDirectory(file)) {
            throw new ConfigSpecException("store " + location.display() + ": is a directory; expected an SQLite file path");
        }
        try {
            Path dir = file.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new ConfigSpecException("store " + location.display() + ": cannot create its directory: " + e.getMessage(), e);
        }
        String url = "jdbc:sqlite:" + file;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        Connection c;
        try {
            c = config.createConnection(url);
        } catch (SQLException e) {
            throw new ConfigSpecException("store " + location.display() + ": cannot open the SQLite file: "
                    + JdbcProfileStore.oneLine(e.getMessage()), e);
        }
        try {
            Migrations.apply(url, location);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
        return new SqliteProfileStore(location, c, clock);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the migration error is the one to report
        }
    }
}
