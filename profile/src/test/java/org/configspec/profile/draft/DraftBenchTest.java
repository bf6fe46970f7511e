package org.configspec.profile.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.profile.DraftProfile;
import org.configspec.llm.NeedsLlama;
import org.configspec.core.stats.Measured;
import org.configspec.llm.model.ModelInspector;
import org.configspec.llm.model.ModelStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real weights (stories15M Q8_0 and F32), small settings. No timed assertions: structure, units, positivity, n, CI
 * containing the median, and orderings that hold by construction (drafting K tokens takes K decodes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@NeedsLlama
class DraftBenchTest {
    static final DraftBenchSettings SMALL = new DraftBenchSettings(List.of(32, 0), 8, 16, 4, 8, 1, 3, 1);

    DraftMeasurement q8;
    DraftMeasurement f32;
    final List<String> progress = new ArrayList<>();

    @BeforeAll
    void measure() {
        DraftBench bench = new DraftBench(ModelStore.defaultStore(), EnergyProbe.none(), progress::add);
        q8 = bench.measure("stories15M-q8_0", SMALL);
        f32 = bench.measure("stories15M-f32", SMALL);
    }

    @Test
    void measurementHasEveryFigureWithUnitMedianIntervalAndN() {
        for (DraftMeasurement m : List.of(q8, f32)) {
            assertThat(m.source()).isEqualTo("configspec profile draft");
            assertThat(m.loadSeconds().unit()).isEqualTo("s");
            assertThat(m.prefill()).singleElement().satisfies(p -> {
                assertThat(p.promptTokens()).isEqualTo(16);
                assertWellFormed(p.tokPerS(), "tok/s");
            });
            assertThat(m.decode()).extracting(DecodeRate::depthTokens).containsExactly(0, 32);
            assertThat(m.decode()).allSatisfy(d -> {
                assertThat(d.tokensPerRep()).isEqualTo(8);
                assertWellFormed(d.tokPerS(), "tok/s");
            });
            assertWellFormed(m.loadSeconds(), "s");
            assertThat(m.draftCost()).extracting(DraftCost::k).containsExactly(1, 2, 3, 4);
            assertThat(m.draftCost()).allSatisfy(c -> {
                assertThat(c.prefixTokens()).isEqualTo(8);
                assertWellFormed(c.millis(), "ms");
            });
            assertThat(m.powerW()).isNull();
            assertThat(m.powerMethod()).isEmpty();
        }
    }

    @Test
    void identityHostAndHarnessAreRecorded() {
        Path q8File = ModelStore.defaultStore().resolve("stories15M-q8_0");
        assertThat(q8.model().name()).isEqualTo("stories15M-q8_0");
        assertThat(q8.model().quant()).isEqualTo("Q8_0");
        assertThat(f32.model().quant()).isEqualTo("F32");
        assertThat(q8.model().architecture()).isEqualTo("llama");
        assertThat(q8.model().sha256()).isEqualTo(ModelInspector.sha256(q8File)).hasSize(64);
        assertThat(q8.model().path()).isEqualTo(q8File.toString());
        assertThat(q8.host().cpuModel()).isNotBlank().doesNotStartWith("unknown");
        assertThat(q8.host().runtime()).startsWith("llama.cpp 0.4.0");
        assertThat(Path.of(q8.host().runtimeLibrary())).exists();
        assertThat(q8.harness().reps()).isEqualTo(3);
        assertThat(q8.harness().warmup()).isEqualTo(1);
        assertThat(q8.harness().threads()).isEqualTo(1);
        assertThat(q8.harness().contextSize()).isEqualTo(SMALL.contextNeeded()).isGreaterThanOrEqualTo(32 + 8);
        assertThat(q8.date()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(progress).anyMatch(l -> l.contains("decode 8 tokens at depth 32"));
    }

    @Test
    void memoryIsFileSizeAndProcessWideRss() throws Exception {
        for (DraftMeasurement m : List.of(q8, f32)) {
            MemoryUse mem = m.memory();
            assertThat(mem.modelFileBytes()).isEqualTo(Files.size(Path.of(m.model().path())));
            assertThat(mem.rssBeforeLoadBytes()).isPositive();
            assertThat(mem.rssAfterLoadBytes()).isPositive();
            assertThat(mem.peakRssBytes()).isGreaterThanOrEqualTo(mem.rssAfterLoadBytes());
            assertThat(m.notes()).anyMatch(n -> n.contains("process-wide"))
                    .anyMatch(n -> n.startsWith("system load average (1 min)"));
        }
        assertThat(f32.memory().modelFileBytes()).isGreaterThan(q8.memory().modelFileBytes());
    }

    @Test
    void profileTakesTheMedianDecodeSpeedAtDepthZero() {
        DraftProfile p = q8.toProfile("build-box");
        DecodeRate d0 = q8.decode().get(0);
        assertThat(d0.depthTokens()).isZero();
        assertThat(p.device()).isEqualTo("build-box");
        assertThat(p.draft()).isEqualTo("stories15M-q8_0");
        assertThat(p.quant()).isEqualTo("Q8_0");
        assertThat(p.tokPerS().value()).isEqualTo(d0.tokPerS().value());
        assertThat(p.tokPerS().min()).isLessThanOrEqualTo(p.tokPerS().value());
        assertThat(p.tokPerS().max()).isGreaterThanOrEqualTo(p.tokPerS().value());
        assertThat(p.tokPerS().n()).isEqualTo(3);
        assertThat(p.powerW()).isNull();
        assertThat(p.peakMemoryBytes()).isEqualTo(q8.memory().peakRssBytes());
        assertThat(p.provenance().modelSha256()).isEqualTo(q8.model().sha256());
        assertThat(p.provenance().threads()).isEqualTo(1);
        assertThat(p.provenance().tool()).contains("configspec profile draft").contains("llama.cpp 0.4.0")
                .contains("depth 0");
        assertThat(p.provenance().powerMethod()).isEmpty();
        assertThat(p.provenance().date()).isEqualTo(q8.date());
    }

    @Test
    void energyProbeWrapsEachTimedDecodeRepetitionAndBecomesPower() {
        List<String> labels = new ArrayList<>();
        EnergyProbe oneJoule = new EnergyProbe() {
            @Override
            public String method() {
                return "fake-1J";
            }

            @Override
            public Window begin(String label) {
                labels.add(label);
                return () -> OptionalDouble.of(1.0);
            }
        };
        DraftBenchSettings s = new DraftBenchSettings(List.of(0, 16), 4, 4, 1, 4, 1, 3, 1);
        DraftMeasurement m = new DraftBench(ModelStore.defaultStore(), oneJoule, null).measure("stories15M-q8_0", s);
        assertThat(labels).containsExactly("decode depth 0 rep 0", "decode depth 0 rep 1", "decode depth 0 rep 2");
        assertWellFormed(m.powerW(), "W");
        assertThat(m.powerMethod()).isEqualTo("fake-1J");
        DraftProfile p = m.toProfile("box");
        assertThat(p.powerW()).isNotNull();
        assertThat(p.powerW().n()).isEqualTo(3);
        assertThat(p.provenance().powerMethod()).isEqualTo("fake-1J");
    }

    @Test
    void aGgufPathWorksLikeAName() {
        String path = ModelStore.defaultStore().resolve("stories15M-q4_0").toString();
        DraftBenchSettings tiny = new DraftBenchSettings(List.of(0), 2, 2, 1, 2, 0, 1, 1);
        DraftMeasurement m = DraftBench.withDefaults().measure(path, tiny);
        assertThat(m.model().name()).isEqualTo("stories15M-q4_0");
        assertThat(m.model().quant()).isEqualTo("Q4_0");
        assertThat(m.model().path()).isEqualTo(path);
        assertThat(m.decode()).singleElement().satisfies(d -> assertThat(d.tokPerS().n()).isEqualTo(1));
        assertThat(m.toProfile("box").tokPerS().n()).isEqualTo(1);
    }

    @Test
    void aMeasurementWhileTheMachineIsBusyIsFlaggedAndWarnedAbout() throws Exception {
        // the /proc readings of a machine whose load went to 2.61 on 2 CPUs during the measurement (recorded files)
        java.util.Iterator<HostLoad.Sample> readings = java.util.List.of("quiet-start", "busy-end").stream()
                .map(n -> {
                    try {
                        return new ProcHostLoad(java.nio.file.Path.of(getClass().getResource("/proc/" + n).toURI()))
                                .sample();
                    } catch (java.net.URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                }).iterator();
        List<String> seen = new java.util.ArrayList<>();
        DraftBenchSettings tiny = new DraftBenchSettings(List.of(0), 2, 2, 1, 2, 0, 1, 1);
        DraftMeasurement m = new DraftBench(ModelStore.defaultStore(), EnergyProbe.none(), seen::add, readings::next)
                .measure("stories15M-q8_0", tiny);
        assertThat(Contention.of(m)).startsWith("1-min load average 0.12 at start, 2.61 at end on 2 CPUs (limit 1.5)");
        assertThat(m.notes()).contains(Contention.NOTE_PREFIX + Contention.of(m));
        assertThat(seen).anyMatch(l -> l.startsWith("warning: stories15M-q8_0: measured on a busy machine (1-min load"));
    }

    @Test
    void unknownModelIsOneLineUserError() {
        assertThatThrownBy(() -> DraftBench.withDefaults().measure("no-such-model", SMALL))
                .isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("model 'no-such-model' not found")
                .hasMessageContaining("stories15M-q8_0")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void settingsNameTheFlagAndAllowedRange() {
        assertThatThrownBy(() -> new DraftBenchSettings(List.of(0), 8, 16, 0, 8, 1, 3, 2))
                .isInstanceOf(ConfigSpecException.class).hasMessage("kMax (--k-max) = 0: allowed 1..64");
        assertThatThrownBy(() -> new DraftBenchSettings(List.of(0, 0), 8, 16, 2, 8, 1, 3, 2))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("depth 0 is listed twice");
        assertThatThrownBy(() -> new DraftBenchSettings(List.of(-1), 8, 16, 2, 8, 1, 3, 2))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("--depths");
        assertThatThrownBy(() -> new DraftBenchSettings(List.of(0), 8, 16, 2, 8, 1, 0, 2))
                .isInstanceOf(ConfigSpecException.class).hasMessage("reps (--reps) = 0: allowed 1..1000");
        assertThat(SMALL.depths()).containsExactly(0, 32);
    }

    static void assertWellFormed(Measured m, String unit) {
        assertThat(m.unit()).isEqualTo(unit);
        assertThat(m.aggregation().label()).isEqualTo("median");
        assertThat(m.n()).isEqualTo(3);
        assertThat(m.value()).isPositive();
        // low <= value <= high is Measured's own invariant for a median (Measured.median builds it from order statistics)
        assertThat(m.interval().low()).isPositive();
        assertThat(m.min()).isLessThanOrEqualTo(m.interval().low());
        assertThat(m.max()).isGreaterThanOrEqualTo(m.interval().high());
        assertThat(m.interval().level()).isEqualTo(0.75); // n = 3: [min, max] covers the median with probability 3/4
    }
}
