package org.configspec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;

class StoreLocationTest {
    private static final String HOME = System.getProperty("user.home");

    @Test
    void sqliteUrlsAndPlainPathsNameAFile() {
        assertThat(StoreLocation.parse("sqlite:/tmp/a.db")).isEqualTo(new StoreLocation(StoreLocation.Type.SQLITE, "/tmp/a.db", "sqlite:/tmp/a.db"));
        assertThat(StoreLocation.parse("jdbc:sqlite:rel/a.db").target()).isEqualTo("rel/a.db");
        assertThat(StoreLocation.parse("profiles.db").type()).isEqualTo(StoreLocation.Type.SQLITE);
        assertThat(StoreLocation.parse("~/x/p.db").file()).isEqualTo(Path.of(HOME, "x/p.db"));
        assertThat(StoreLocation.parse("C:\\data\\p.db").type()).isEqualTo(StoreLocation.Type.SQLITE);
    }

    @Test
    void theDefaultIsTheEnvironmentVariableElseTheHomeDirectory() {
        assertThat(StoreLocation.defaultLocation(Map.of()).file()).isEqualTo(Path.of(HOME, ".configspec", "profiles.db"));
        assertThat(StoreLocation.defaultLocation(Map.of(StoreLocation.ENV, "jdbc:postgresql://db/fleet")).type())
                .isEqualTo(StoreLocation.Type.POSTGRESQL);
        assertThat(ProfileStores.resolve("sqlite:/tmp/f.db", Map.of(StoreLocation.ENV, "/tmp/env.db")).target()).isEqualTo("/tmp/f.db");
        assertThat(ProfileStores.resolve(null, Map.of(StoreLocation.ENV, "/tmp/env.db")).target()).isEqualTo("/tmp/env.db");
    }

    @Test
    void passwordsNeverAppearInWhatIsDisplayed() {
        assertThat(StoreLocation.parse("jdbc:postgresql://h:5432/db?user=me&password=s3cret&ssl=true").display())
                .isEqualTo("jdbc:postgresql://h:5432/db?user=me&password=***&ssl=true");
        assertThat(StoreLocation.parse("jdbc:postgresql://me:s3cret@h/db").display()).isEqualTo("jdbc:postgresql://me:***@h/db");
        assertThatThrownBy(() -> StoreLocation.parse("mysql://me:s3cret@h/db")).isInstanceOf(ConfigSpecException.class)
                .hasMessageNotContaining("s3cret").hasMessageContaining("unknown kind of store").hasMessageContaining("sqlite:PATH");
    }

    @Test
    void emptyLocationsAreRefused() {
        assertThatThrownBy(() -> StoreLocation.parse(" ")).hasMessageContaining("got nothing");
        assertThatThrownBy(() -> StoreLocation.parse("sqlite:")).hasMessageContaining("no file after 'sqlite:'");
    }
}
