package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;

/** A verifier reachable from other machines needs a token, unless the operator says in so many words that it does not. */
class VerifierExposureTest {

    @Test
    void aNonLoopbackAddressWithoutATokenIsRefused() {
        for (String host : new String[] {"0.0.0.0", "::", "[::]", "192.0.2.7"}) {
            assertThatThrownBy(() -> VerifierConfig.defaults().withHost(host, false))
                    .as(host).isInstanceOf(ConfigSpecException.class)
                    .hasMessageContaining("--host " + host).hasMessageContaining("--allow-unauthenticated")
                    .hasMessageContaining("--token-file");
        }
    }

    @Test
    void loopbackATokenOrAnExplicitOptOutIsAccepted() {
        for (String host : new String[] {"127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"}) {
            assertThat(VerifierConfig.defaults().withHost(host, false).host()).isEqualTo(host);
        }
        assertThat(VerifierConfig.defaults().withToken("t0k").withHost("0.0.0.0", false).token()).isEqualTo("t0k");
        assertThat(VerifierConfig.defaults().withHost("0.0.0.0", true).allowUnauthenticated()).isTrue();
    }
}
