package org.configspec.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.Aggregation;
import org.configspec.core.stats.Interval;
import org.configspec.core.stats.Measured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one JSON policy: NaN as null, 10 significant digits in reports, lossless data, and strict input. */
class MachineJsonTest {
    record Figures(double known, double unknown, Double boxed, double[] array, List<Double> list, float single) {
    }

    record Request(String text, int position, long seed, double temperature) {
    }

    @Test
    void unknownNumbersAreNullEverywhereAndReportsRoundToTenDigits() {
        Figures f = new Figures(1.0 / 3, Double.NaN, Double.POSITIVE_INFINITY, new double[] {2.0 / 3, Double.NaN},
                java.util.Arrays.asList(0.1, Double.NaN), Float.NaN);
        assertThat(MachineJson.write(MachineJson.compact(), f)).isEqualTo("{\"known\":0.3333333333333333,\"unknown\":null,"
                + "\"boxed\":null,\"array\":[0.6666666666666666,null],\"list\":[0.1,null],\"single\":null}");
        assertThat(MachineJson.write(MachineJson.report(), f).replaceAll("\\s+", "")).isEqualTo("{\"known\":0.3333333333,"
                + "\"unknown\":null,\"boxed\":null,\"array\":[0.6666666667,null],\"list\":[0.1,null],\"single\":null}");
    }

    @Test
    void aMeasuredQuantityNamesItsAggregationInLowerCase() {
        Measured m = Measured.median("ms", 3, 1, 2);
        String json = MachineJson.write(MachineJson.compact(), m);
        assertThat(json).contains("\"aggregation\":\"median\"", "\"unit\":\"ms\"", "\"interval\":{\"low\":1.0,\"high\":3.0");
        Measured unknown = new Measured("W", Aggregation.MEAN, 5, Interval.unknown(0.95, "bootstrap"), Double.NaN,
                Double.NaN, Double.NaN, 1);
        assertThat(MachineJson.write(MachineJson.compact(), unknown)).contains("\"low\":null", "\"std\":null")
                .doesNotContain("NaN");
    }

    @Test
    void reportDigitsArePlainAndStripped() {
        assertThat(MachineJson.decimal(1e-7).toPlainString()).isEqualTo("0.0000001");
        assertThat(MachineJson.decimal(123456789012.0).toPlainString()).isEqualTo("123456789000");
        assertThat(MachineJson.decimal(2.5).toPlainString()).isEqualTo("2.5");
        assertThat(MachineJson.decimal(Double.NaN)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "number for a string|{\"text\":5,\"position\":1,\"seed\":1,\"temperature\":1}|text",
        "fraction for an int|{\"text\":\"a\",\"position\":5.5,\"seed\":1,\"temperature\":1}|position",
        "string for an int|{\"text\":\"a\",\"position\":\"5\",\"seed\":1,\"temperature\":1}|position",
        "int beyond int|{\"text\":\"a\",\"position\":4294967298,\"seed\":1,\"temperature\":1}|4294967298",
        "long beyond long|{\"text\":\"a\",\"position\":1,\"seed\":1180591620717411303424,\"temperature\":1}|seed",
        "string for a double|{\"text\":\"a\",\"position\":1,\"seed\":1,\"temperature\":\"1\"}|temperature",
        "boolean for a double|{\"text\":\"a\",\"position\":1,\"seed\":1,\"temperature\":true}|temperature",
        "null for an int|{\"text\":\"a\",\"position\":null,\"seed\":1,\"temperature\":1}|position",
        "duplicate key|{\"text\":\"a\",\"text\":\"b\",\"position\":1,\"seed\":1,\"temperature\":1}|Duplicate field 'text'",
        "unknown field|{\"text\":\"a\",\"position\":1,\"seed\":1,\"temperature\":1,\"x\":1}|x",
        "trailing content|{\"text\":\"a\",\"position\":1,\"seed\":1,\"temperature\":1} {}|trailing",
        "NaN literal|{\"text\":\"a\",\"position\":1,\"seed\":1,\"temperature\":NaN}|NaN",
    })
    void strictReadingRefusesCoercionDuplicatesAndTrailingContent(String what, String json, String named) {
        assertThatThrownBy(() -> MachineJson.strict().readValue(json, Request.class))
                .isInstanceOf(JsonProcessingException.class)
                .satisfies(e -> assertThat(MachineJson.oneLine((Exception) e)).containsIgnoringCase(named));
    }

    @Test
    void strictReadingAcceptsAWellFormedRequest() throws Exception {
        Request r = MachineJson.strict().readValue("{\"text\":\"a\",\"position\":7,\"seed\":-3,\"temperature\":1}",
                Request.class);
        assertThat(r).isEqualTo(new Request("a", 7, -3, 1.0));
    }

    @Test
    void treesAreReadStrictlyWithFiniteNumbers() {
        assertThatThrownBy(() -> MachineJson.readTree("{\"a\":[1, 1e400]}", "doc"))
                .isInstanceOf(ConfigSpecException.class)
                .hasMessage("doc: field a[1]: number out of range (not a finite double); allowed: finite numbers");
        assertThatThrownBy(() -> MachineJson.readTree("{\"a\":1,\"a\":2}", "doc"))
                .hasMessageStartingWith("doc: malformed JSON at line 1, column").hasMessageContaining("Duplicate field 'a'");
        assertThatThrownBy(() -> MachineJson.readTree("{} x", "doc")).hasMessageStartingWith("doc: malformed JSON");
        assertThatThrownBy(() -> MachineJson.readTree("  ", "doc")).hasMessage("doc: empty input; expected a JSON document");
        assertThat(MachineJson.readTree("{\"a\":1e300}", "doc").get("a").asDouble()).isEqualTo(1e300);
    }

    @Test
    void lenientReadingIsOnlyForThirdPartyFormatsAndAcceptsDuplicateKeys() throws Exception {
        assertThat(MachineJson.lenient().readTree("{\"a\":1,\"a\":2}").get("a").asInt()).isEqualTo(2);
    }
}
