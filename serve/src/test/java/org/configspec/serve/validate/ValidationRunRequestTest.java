package org.configspec.serve.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.configspec.store.StoreLocation;
import org.junit.jupiter.api.Test;

/** What validate refuses before loading a model (one line naming the flag), and its default prompt. */
class ValidationRunRequestTest {
    private static ValidationRun.Request validate(int kMax, int n, double price, StoreLocation store, String device) {
        return new ValidationRun.Request("stories15M-f32", "stories15M-q8_0-l5", List.of(Duration.ZERO), kMax, List.of(),
                n, 1, store, device, price);
    }

    @Test
    void validateRefusesBadValuesWithOneLineAndDefaultsThePrompt() {
        assertThatThrownBy(() -> validate(0, 8, 0.9, null, null)).hasMessage("--k-max = 0: allowed 1..16");
        assertThatThrownBy(() -> validate(17, 8, 0.9, null, null)).hasMessage("--k-max = 17: allowed 1..16");
        assertThatThrownBy(() -> validate(4, 1, 0.9, null, null)).hasMessage("-n = 1: allowed >= 2");
        assertThatThrownBy(() -> validate(4, 8, 0, null, null)).hasMessage("--price-output = 0.0: must be > 0");
        assertThatThrownBy(() -> validate(4, 8, 0.9, null, "RPi 5"))
                .hasMessage("--device needs --store (it picks the stored draft profile)");
        assertThat(validate(4, 8, 0.9, null, null).prompts()).containsExactly(ValidationRun.DEFAULT_PROMPT);
    }
}
