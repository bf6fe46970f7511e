package org.configspec.profile.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;

class ProcessCommandRunnerTest {
    @Test
    void capturesOutputAndExitCode() {
        CommandResult r = new ProcessCommandRunner().run(List.of("sh", "-c", "echo 'error=1 error_msg=\"x\"'; exit 3"));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.output()).contains("error=1");
    }

    @Test
    void aHangingCommandIsStoppedAndNamed() {
        assertThatThrownBy(() -> new ProcessCommandRunner(Duration.ofMillis(200)).run(List.of("sh", "-c", "exec sleep 20")))
                .isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("'sh -c exec sleep 20' did not finish within 200 ms");
    }

    @Test
    void aMissingCommandIsAUserError() {
        assertThatThrownBy(() -> new ProcessCommandRunner().run(List.of("configspec-no-such-command-xyz")))
                .isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("cannot run command 'configspec-no-such-command-xyz'");
    }
}
