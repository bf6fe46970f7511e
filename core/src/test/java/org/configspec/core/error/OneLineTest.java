package org.configspec.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** User errors stay one printable line whatever input they quote (found by fuzzing the GGUF reader). */
class OneLineTest {
    @Test
    void controlCharactersInQuotedInputAreEscaped() {
        assertThat(new ConfigSpecException("catalog c.json: unknown draft 'a\nb\u001b[2J\u0000'").getMessage())
                .isEqualTo("catalog c.json: unknown draft 'a b\\u001b[2J\\u0000'");
    }

    @Test
    void anOverlongMessageKeepsItsStartAndEnd() {
        String m = OneLine.of("where: " + "x".repeat(100_000) + " allowed: 1..2");
        assertThat(m).hasSizeLessThanOrEqualTo(OneLine.MAX).startsWith("where: xxx").endsWith("xxx allowed: 1..2")
                .contains(" ... ");
    }

    @Test
    void aPlainLineIsUnchanged() {
        assertThat(OneLine.of("store s.db: no such file")).isEqualTo("store s.db: no such file");
    }
}
