package org.configspec.llm.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;

/** The CPU list as Linux writes it: parsing, the canonical form, the mask, and one line for every bad list. */
class CpuSetTest {
    @Test
    void parsesNumbersAndRangesIntoTheCanonicalList() {
        assertThat(CpuSet.parse("0").cpus()).containsExactly(0);
        assertThat(CpuSet.parse("0-1,3").cpus()).containsExactly(0, 1, 3);
        assertThat(CpuSet.parse(" 3, 1,0-1 ").toString()).isEqualTo("0-1,3");
        assertThat(CpuSet.parse("2-2").toString()).isEqualTo("2");
        assertThat(CpuSet.parse("0-3,5-6,511").toString()).isEqualTo("0-3,5-6,511");
        assertThat(CpuSet.parse("0-1,3").describe()).isEqualTo("CPUs 0-1,3");
        assertThat(CpuSet.parse("7").describe()).isEqualTo("CPU 7");
    }

    @Test
    void setOperationsAndTheKernelMaskRoundTrip() {
        CpuSet s = CpuSet.parse("1,3,64,130");
        assertThat(CpuSet.fromMask(s.toMask(16))).isEqualTo(s);
        assertThat(s.toMask(16)[0]).isEqualTo(0b1010L);
        assertThat(s.toMask(16)[1]).isEqualTo(1L);
        assertThat(s.minus(CpuSet.parse("0-3"))).isEqualTo(CpuSet.parse("64,130"));
        assertThat(s.minus(CpuSet.parse("0-200"))).isNull();
        assertThat(s.first()).isEqualTo(CpuSet.of(1));
        assertThat(s.size()).isEqualTo(4);
    }

    @Test
    void badListsAreOneLineNamingTheValueAndWhatIsAllowed() {
        String allowed = "(allowed: CPU numbers 0..511 and ranges A-B, comma-separated, e.g. 0 or 0-1,3)";
        assertBad("", "empty CPU list " + allowed);
        assertBad("  ", "empty CPU list " + allowed);
        assertBad("x", "CPU list 'x': 'x' is not a CPU number " + allowed);
        assertBad("0,,1", "CPU list '0,,1': '' is not a CPU number " + allowed);
        assertBad("-1", "CPU list '-1': '-1' is not a CPU number " + allowed);
        assertBad("0-", "CPU list '0-': '' is not a CPU number " + allowed);
        assertBad("1-2-3", "CPU list '1-2-3': '2-3' is not a CPU number " + allowed);
        assertBad("3-1", "CPU list '3-1': range 3-1 runs backwards " + allowed);
        assertBad("512", "CPU list '512': CPU 512 is out of range " + allowed);
        assertBad("99999999999", "CPU list '99999999999': '99999999999' is not a CPU number " + allowed);
        assertThatThrownBy(() -> CpuSet.of(-1)).hasMessage("CPU -1 is out of range " + allowed);
    }

    private static void assertBad(String text, String message) {
        assertThatThrownBy(() -> CpuSet.parse(text)).isInstanceOf(ConfigSpecException.class).hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
