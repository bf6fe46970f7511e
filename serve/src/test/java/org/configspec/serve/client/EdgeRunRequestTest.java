package org.configspec.serve.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.store.StoreLocation;
import org.junit.jupiter.api.Test;

/** What run refuses before loading a model (one line naming the flag), and the K policies by name. */
class EdgeRunRequestTest {
    private static EdgeRun.Request run(int n, PolicyKind p, StoreLocation store, String device) {
        return new EdgeRun.Request("stories15M-q8_0", "http://127.0.0.1:1", null, "x", n, p, 4, 8,
                ClientOptions.defaults(), Duration.ofSeconds(1), store, device, "stories15M-f32", null);
    }

    @Test
    void runRefusesBadCombinationsWithOneLine() {
        StoreLocation store = StoreLocation.parse("/tmp/x.db");
        assertThatThrownBy(() -> run(0, PolicyKind.FIXED, null, null)).isInstanceOf(ConfigSpecException.class)
                .hasMessage("-n = 0: allowed >= 1");
        assertThatThrownBy(() -> run(8, PolicyKind.BACKOFF, store, null))
                .hasMessage("--store chooses K from stored profiles: use it with --policy optimal");
        assertThatThrownBy(() -> run(8, PolicyKind.FIXED, null, "RPi 5"))
                .hasMessage("--device needs --store (it picks the stored draft profile)");
        assertThat(run(8, PolicyKind.OPTIMAL, store, "RPi 5").store()).isEqualTo(store);
    }

    @Test
    void policiesByName() {
        assertThat(PolicyKind.FIXED.policy(4, 8)).isInstanceOf(FixedK.class);
        assertThat(PolicyKind.BACKOFF.policy(4, 8)).isInstanceOf(BackoffK.class);
        assertThat(PolicyKind.OPTIMAL.policy(4, 8)).isInstanceOf(OptimalK.class);
        assertThat(PolicyKind.OPTIMAL.cliName()).isEqualTo("optimal");
    }
}
