package org.configspec.serve.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;

/** The link's option values: rates (bits versus bytes), endpoints, and one-line errors (durations: core's DurationsTest). */
class LinkValuesTest {
    @Test
    void bitsAndBytesFollowTc() {
        assertThat(Bandwidth.parse("10mbit", "--bandwidth").bitsPerSecond()).isEqualTo(10e6);
        assertThat(Bandwidth.parse("1mbps", "--bandwidth").bitsPerSecond()).as("tc: mbps = megabytes/s").isEqualTo(8e6);
        assertThat(Bandwidth.parse("1MB/s", "--bandwidth").bitsPerSecond()).isEqualTo(8e6);
        assertThat(Bandwidth.parse("1Mb/s", "--bandwidth").bitsPerSecond()).isEqualTo(1e6);
        assertThat(Bandwidth.parse("500kbit", "--bandwidth").bitsPerSecond()).isEqualTo(500e3);
        assertThat(Bandwidth.parse("2500000", "--bandwidth").bitsPerSecond()).as("plain = bits/s").isEqualTo(2.5e6);
        assertThat(Bandwidth.parse("1.5e6", "--bandwidth").bitsPerSecond()).isEqualTo(1.5e6);
        assertThat(Bandwidth.parse("unlimited", "--bandwidth").unlimited()).isTrue();
        assertThat(Bandwidth.parse("10mbit", "--bandwidth")).hasToString("10 Mbit/s");
    }

    @Test
    void ambiguousOrBadRatesAreRejectedOnOneLine() {
        for (String bad : new String[] {"10Mbps", "fast", "0", "-1mbit", "10 furlongs", "mbit"}) {
            assertThatThrownBy(() -> Bandwidth.parse(bad, "--bandwidth")).isInstanceOf(ConfigSpecException.class)
                    .hasMessageContaining("--bandwidth").hasMessageContaining("'" + bad + "'")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void endpointsParseHostAndPort() {
        assertThat(HostPort.parse("127.0.0.1:7000", "--listen")).isEqualTo(new HostPort("127.0.0.1", 7000));
        assertThat(HostPort.parse("[::1]:80", "--listen")).isEqualTo(new HostPort("::1", 80));
        for (String bad : new String[] {"localhost", ":80", "host:", "host:99999", "host:http"}) {
            assertThatThrownBy(() -> HostPort.parse(bad, "--upstream")).isInstanceOf(ConfigSpecException.class)
                    .hasMessageContaining("--upstream").hasMessageNotContaining("\n");
        }
    }

    @Test
    void directionValuesAreValidated() {
        assertThatThrownBy(() -> DirectionSpec.IDEAL.withLoss(1.5, Duration.ofMillis(200)))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("loss").hasMessageContaining("1.5");
        assertThatThrownBy(() -> DirectionSpec.IDEAL.withDelay(Duration.ofMillis(-1)))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("delay");
        assertThatThrownBy(() -> DirectionSpec.IDEAL.withStalls(-1, Duration.ZERO))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("stall-every");
    }

    @Test
    void theDefaultLossStallIsAnRtoOfAtLeast200Ms() {
        assertThat(LinkSpec.defaultLossStall(Duration.ofMillis(10), Duration.ofMillis(10))).isEqualTo(Duration.ofMillis(200));
        assertThat(LinkSpec.defaultLossStall(Duration.ofMillis(150), Duration.ofMillis(150))).isEqualTo(Duration.ofMillis(300));
    }
}
