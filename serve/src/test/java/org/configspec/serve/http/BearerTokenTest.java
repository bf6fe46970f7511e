package org.configspec.serve.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bearer scheme is case-insensitive (RFC 7235), the token itself is not; the token can stay off the command line. */
class BearerTokenTest {
    private final BearerToken token = new BearerToken("s3cret-Token");

    @Test
    void theSchemeMatchesInAnyCaseTheTokenExactly() {
        assertThat(token.accepts("Bearer s3cret-Token")).isTrue();
        assertThat(token.accepts("bearer s3cret-Token")).isTrue();
        assertThat(token.accepts("BEARER s3cret-Token")).isTrue();
        assertThat(token.accepts("bEaReR   s3cret-Token")).isTrue();
        assertThat(token.accepts("Bearer s3cret-token")).isFalse();
        assertThat(token.accepts("Bearer s3cret-Token ")).isFalse();
        assertThat(token.accepts("Bearer s3cret-Toke")).isFalse();
        assertThat(token.accepts("Bearers3cret-Token")).isFalse();
        assertThat(token.accepts("Basic s3cret-Token")).isFalse();
        assertThat(token.accepts("Bearer\ts3cret-Token")).isFalse();
        assertThat(token.accepts("s3cret-Token")).isFalse();
        assertThat(token.accepts("Bearer ")).isFalse();
        assertThat(token.accepts("")).isFalse();
        assertThat(token.accepts(null)).isFalse();
    }

    @Test
    void theTokenComesFromTheFlagTheFileOrTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "from-file\nignored second line\n");
        Map<String, String> env = Map.of(BearerToken.ENVIRONMENT, "from-env");
        assertThat(BearerToken.resolve("from-flag", null, env)).isEqualTo("from-flag");
        assertThat(BearerToken.resolve(null, file, env)).isEqualTo("from-file");
        assertThat(BearerToken.resolve(null, null, env)).isEqualTo("from-env");
        assertThat(BearerToken.resolve(null, null, Map.of())).isNull();
        assertThatThrownBy(() -> BearerToken.resolve("a", file, env)).isInstanceOf(ConfigSpecException.class)
                .hasMessage("--token and --token-file both given: use one");
        assertThatThrownBy(() -> BearerToken.resolve(null, dir.resolve("missing"), env))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("--token-file");
        Files.writeString(file, "\n");
        assertThatThrownBy(() -> BearerToken.resolve(null, file, env)).isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("first line is empty");
    }

    @Test
    void tokensWithSpacesOrControlCharactersAreRefused() {
        assertThatThrownBy(() -> new BearerToken("two words")).isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("offset 3");
        assertThatThrownBy(() -> new BearerToken(" ")).isInstanceOf(ConfigSpecException.class);
    }
}
