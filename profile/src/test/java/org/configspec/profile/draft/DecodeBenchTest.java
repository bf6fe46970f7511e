package org.configspec.profile.draft;

import org.configspec.llm.NeedsLlama;
import org.configspec.core.stats.Measured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.model.ModelStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decode benchmark on real stories15M weights with small settings. No timed assertions: counts, structure, the
 * llama-bench command line and the figure read from its output. llama-bench itself is not built on every machine, so a
 * shell script stands in for it, printing real llama-bench output recorded in draft/llama-bench-80fb11a-q8_0.json.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@NeedsLlama
class DecodeBenchTest {
    Path tmp;

    Path args;
    DecodeBenchSettings settings;
    DecodeBench.Result result;
    final List<String> events = new ArrayList<>();

    static DecodeBenchSettings settings(List<String> models, List<String> batch, Path llamaBench) {
        return new DecodeBenchSettings(models, batch, 4, 2, 1, 1, 2, 3, ContextOptions.FlashAttention.AUTO,
                ContextOptions.KvCacheType.F16, llamaBench);
    }

    Path script(String name, String body) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @BeforeAll
    void run(@TempDir Path dir) throws IOException, URISyntaxException {
        tmp = dir;
        Path fixture = Path.of(getClass().getResource("/draft/llama-bench-80fb11a-q8_0.json").toURI());
        args = tmp.resolve("args.txt");
        Path fake = script("llama-bench", "printf '%s\\n' \"$@\" >> '" + args + "'\ncat '" + fixture + "'");
        settings = settings(List.of("stories15M-q8_0"), List.of("stories15M-q8_0"), fake);
        result = DecodeBench.withDefaults().run(settings, new DecodeBench.Listener() {
            @Override
            public void started(String runtime, DecodeBenchSettings s) {
                events.add("started " + runtime);
            }

            @Override
            public void speed(DecodeSpeed speed) {
                events.add("speed " + speed.model());
            }

            @Override
            public void batchCosts(BatchCostTable table) {
                events.add("batch " + table.model());
            }
        });
    }

    @Test
    void theListenerHearsEachResultInOrder() {
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).startsWith("started llama.cpp");
        assertThat(events.subList(1, 3)).containsExactly("speed stories15M-q8_0", "batch stories15M-q8_0");
        assertThat(result.runtime()).isEqualTo(events.get(0).substring("started ".length()));
    }

    @Test
    void everyRepetitionOfEveryRoundIsASample() {
        DecodeSpeed d = result.speeds().get(0);
        for (Measured m : List.of(d.decode(), d.greedy())) {
            assertThat(m.unit()).isEqualTo("tok/s");
            assertThat(m.aggregation().label()).isEqualTo("median");
            assertThat(m.n()).isEqualTo(2 * 2);
            assertThat(m.min()).isPositive().isLessThanOrEqualTo(m.value());
        }
    }

    @Test
    void llamaBenchRunsOncePerRoundWithTheSameSettings() throws IOException {
        List<String> lines = Files.readAllLines(args);
        String model = ModelStore.defaultStore().resolve("stories15M-q8_0").toString();
        List<String> once = List.of("-m", model, "-t", "1", "-p", "0", "-n", "4", "-r", "2", "-fa", "auto", "-ctk",
                "f16", "-ctv", "f16", "-o", "json");
        List<String> twice = new ArrayList<>(once);
        twice.addAll(once);
        assertThat(lines).isEqualTo(twice);
    }

    @Test
    void llamaBenchFigureIsItsTgResultNotItsPromptResult() {
        DecodeSpeed d = result.speeds().get(0);
        assertThat(d.llamaBench().status()).isEqualTo(LlamaBenchTg.Status.MEASURED);
        assertThat(d.llamaBench().meanTokPerS()).isEqualTo(31.472532);
        assertThat(d.llamaBench().stddevTokPerS()).isEqualTo(19.060244);
        assertThat(d.ratio()).isEqualTo(d.decode().value() / 31.472532);
    }

    @Test
    void batchCostTableHasOneRowPerKRelativeToOneToken() {
        BatchCostTable t = result.batchCosts().get(0);
        assertThat(t.prefixTokens()).isEqualTo(5);
        assertThat(t.reps()).isEqualTo(8);
        assertThat(t.warmup()).isEqualTo(1);
        assertThat(t.rows()).extracting(BatchCost::k).containsExactly(1, 2, 3);
        assertThat(t.rows().get(0).batchOverOneToken()).isEqualTo(1.0);
        assertThat(t.rows()).allSatisfy(c -> assertThat(c.sequentialOverBatch())
                .isEqualTo(c.sequentialMs() / c.batchMs()));
    }

    @Test
    void aFailingLlamaBenchIsReportedAsFailed() throws IOException {
        Path failing = script("failing-llama-bench", "echo '[{\"n_prompt\": 0' ; exit 1");
        DecodeBench.Result r = DecodeBench.withDefaults().run(settings(List.of("stories15M-q8_0"), List.of(), failing),
                null);
        assertThat(r.speeds().get(0).llamaBench().status()).isEqualTo(LlamaBenchTg.Status.FAILED);
        assertThat(r.speeds().get(0).ratio()).isNaN();
        assertThat(r.batchCosts()).isEmpty();
    }

    @Test
    void withoutLlamaBenchThereIsNoFigure() {
        DecodeBench.Result r = DecodeBench.withDefaults().run(settings(List.of("stories15M-q8_0"), List.of(), null),
                null);
        assertThat(r.speeds().get(0).llamaBench().status()).isEqualTo(LlamaBenchTg.Status.NOT_AVAILABLE);
    }

    @Test
    void badInputIsOneLineNamingTheFlag() {
        assertThat(DecodeBench.llamaBench("none")).isNull();
        assertThatThrownBy(() -> DecodeBench.llamaBench(tmp.resolve("nope").toString()))
                .isInstanceOf(ConfigSpecException.class)
                .hasMessage("--llama-bench = " + tmp.resolve("nope") + ": allowed an executable llama-bench or 'none'");
        assertThatThrownBy(() -> new DecodeBenchSettings(List.of("m"), List.of(), 0, 1, 0, 1, 1, 1,
                ContextOptions.FlashAttention.AUTO, ContextOptions.KvCacheType.F16, null))
                .isInstanceOf(ConfigSpecException.class).hasMessage("-n = 0: allowed 1..4096");
        assertThatThrownBy(() -> DecodeBench.withDefaults().run(settings(List.of("nope"), List.of(), null), null))
                .isInstanceOf(ConfigSpecException.class).hasMessageStartingWith("model 'nope' not found");
    }
}
