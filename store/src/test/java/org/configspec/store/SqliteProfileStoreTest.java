package org.configspec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SqliteProfileStoreTest extends ProfileStoreContract {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    String freshStoreUrl() {
        return "sqlite:" + tmp.resolve("store-" + n.incrementAndGet() + "/profiles.db");
    }

    @Test
    void theFileIsInWalModeSoReadersDoNotBlockTheRun() throws Exception {
        String url = freshStoreUrl();
        try (ProfileStore s = ProfileStores.open(url)) {
            s.put(sample().get(0));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + StoreLocation.parse(url).target());
             ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
    }
}
