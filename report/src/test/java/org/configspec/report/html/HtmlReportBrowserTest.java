package org.configspec.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.explain.Explainer;
import org.configspec.core.explain.Term;
import org.configspec.core.json.MachineJson;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.select.GroupSelection;
import org.configspec.core.select.Objective;
import org.configspec.core.select.Weights;
import org.configspec.core.space.Evaluation;
import org.configspec.core.space.SpaceFilter;
import org.configspec.core.validation.StoredValidation;
import org.configspec.core.validation.ValidationPoint;
import org.configspec.report.SelectionWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The paper catalog's report, opened in a real headless Chromium (report/src/test/browser/check-report.cjs, run once
 * for the whole class): offline, every chart drawn with as many marks as the data has, the tooltip agreeing with
 * {@link Explainer}, a filter re-drawing the charts, a click pinning a Pareto point. Screenshots of every chart land in
 * report/target/browser-report/ for people to look at.
 */
@NeedsBrowser
class HtmlReportBrowserTest {
    private static final String DEVICE = "RPi 5";
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path OUT = Path.of("target", "browser-report").toAbsolutePath();

    /** A validation run as a store hands it back (2 RTTs × 2 K; the figures are test data, not a run on RPi 5). */
    static final StoredValidation VALIDATION = new StoredValidation(DEVICE, "Qwen3-0.6B", "Q4_K_M", "Qwen3-32B",
            "2026-11-30T00:00:00Z", List.of(point(0, 2, 3.4, 3.5), point(0, 4, 3.7, 3.6), point(20, 2, 3.3, 3.45),
            point(20, 4, 3.5, 3.4)));

    private static ReportInput input;
    private static JsonNode seen;

    @BeforeAll
    static void openTheReportInChromium() throws IOException, InterruptedException {
        Path modules = ROOT.resolve(".cache/browser/node_modules");
        assertThat(modules.resolve("puppeteer-core")).as("the test browser; run scripts/setup browser").isDirectory();
        input = ReportInput.of(CatalogReader.paper(), ModelOptions.paper(), SpaceFilter.all(), Weights.equal(), List.of(),
                List.of(VALIDATION));
        Files.createDirectories(OUT);
        Path html = OUT.resolve("paper.html");
        Files.writeString(html, HtmlReport.write(input), StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder("node", ROOT.resolve("report/src/test/browser/check-report.cjs").toString(),
                html.toString(), OUT.toString(), DEVICE).redirectError(OUT.resolve("check-report.log").toFile());
        pb.environment().put("NODE_PATH", modules.toString());
        Process p = pb.start();
        byte[] stdout = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the browser run finished").isTrue();
        assertThat(p.exitValue()).as("check-report exit code; see " + OUT.resolve("check-report.log")).isZero();
        seen = MachineJson.lenient().readTree(stdout);
    }

    @Test
    void opensOfflineWithoutAConsoleErrorOrAFailedRequest() {
        assertThat(seen.get("consoleErrors")).isEmpty();
        assertThat(seen.get("pageErrors")).isEmpty();
        assertThat(seen.get("failedRequests")).isEmpty();
        assertThat(seen.get("blockedRequests")).as("requests to anything but the file itself").isEmpty();
        assertThat(texts(seen.get("requests"))).allMatch(u -> u.startsWith("file:") || u.startsWith("data:"));
    }

    @Test
    void kChartsDrawOnePointPerEvaluatedConfigurationAndMarkEachPanelsOptimum() {
        JsonNode before = seen.get("before");
        assertThat(input.table()).hasSize(351);
        assertThat(before.at("/goodput/points").asInt()).isEqualTo(351);
        assertThat(before.at("/cost/points").asInt()).isEqualTo(351);
        long withEnergy = input.table().stream().filter(Evaluation::energyKnown).count();
        assertThat(before.at("/energy/points").asInt()).isEqualTo(withEnergy);
        int groups = input.selection().groups().size();
        assertThat(before.at("/goodput/optima").asInt()).isEqualTo(groups);
        assertThat(before.at("/cost/optima").asInt()).isEqualTo(groups);
        assertThat(before.at("/energy/optima").asInt())
                .isEqualTo((int) input.selection().groups().stream().filter(g -> g.optimum(Objective.ENERGY).isPresent()).count());
    }

    @Test
    void paretoChartDrawsExactlyTheFrontSelectPrintsWithEveryOptimumHighlighted() {
        int front = input.selection().groups().stream().mapToInt(g -> g.pareto().size()).sum();
        int optima = 0;
        for (GroupSelection g : input.selection().groups()) {
            optima += g.optima().size() + (g.weighted().isPresent() ? 1 : 0);
        }
        assertThat(seen.at("/before/pareto/front").asInt()).isEqualTo(front);
        assertThat(seen.at("/before/pareto/optima").asInt()).isEqualTo(optima);
        assertThat(seen.get("selection").asText()).isEqualTo(SelectionWriter.table(input.selection()));
    }

    @Test
    void otherChartsDrawTheirDataAndSayWhyTheyHaveNone() {
        JsonNode before = seen.get("before");
        assertThat(before.at("/sweep/points").asInt()).isEqualTo(input.sweep().size());
        int alphas = input.catalog().acceptance().stream().mapToInt(a -> a.alphaByK().size()).sum();
        assertThat(before.at("/alpha/points").asInt()).isEqualTo(alphas);
        assertThat(before.at("/speed/points").asInt()).isEqualTo(input.catalog().draftProfiles().size());
        assertThat(before.at("/power/points").asInt())
                .isEqualTo((int) input.catalog().draftProfiles().stream().filter(p -> p.powerKnown()).count());
        assertThat(texts(before.at("/survival/noData"))).singleElement().asString().contains("α(K) only");
        // the validation run: predicted vs measured (with y = x) and the error by K, one point each per (RTT, K)
        assertThat(before.at("/validation/points").asInt()).isEqualTo(VALIDATION.points().size());
        assertThat(before.at("/validation/errors").asInt()).isEqualTo(VALIDATION.points().size());
        assertThat(texts(before.at("/validation/noData"))).isEmpty();
        assertThat(seen.get("licences").asText()).contains("vega@6.4.0", "vega-lite@6.5.0", "vega-embed@7.3.0",
                "Redistribution and use in source and binary forms");
    }

    @Test
    void tooltipOfAHoveredPointShowsTheValuesExplainComputes() {
        JsonNode tip = seen.get("tooltip");
        Evaluation e = input.table().stream().filter(x -> x.target().equals(tip.get("target").asText())
                        && x.device().equals(tip.get("device").asText()) && x.draft().equals(tip.get("draft").asText())
                        && x.quant().equals(tip.get("quant").asText()) && x.k() == tip.get("K").asInt())
                .findFirst().orElseThrow();
        Map<String, Double> terms = new HashMap<>();
        for (Term t : Explainer.explain(e, input.selection().options(), SpaceFilter.DEFAULT_HEADROOM)) {
            terms.put(t.symbol(), t.value());
        }
        assertClose(tip, "α(K)", terms.get("α(K)"));
        assertClose(tip, "E(K) tokens/round", terms.get("E(K)"));
        assertClose(tip, "draft time s", terms.get("K / r_d"));
        assertClose(tip, "T_v s", terms.get("T_v(K)"));
        assertClose(tip, "goodput tok/s", terms.get("G(K)"));
        assertClose(tip, "tokens/$", terms.get("tokens/$"));
        assertClose(tip, "$/M tok", terms.get("$/M"));
        assertClose(tip, "J/tok", terms.get("J/token"));
    }

    @Test
    void clickingAParetoPointPinsItInTheTable() {
        JsonNode pinned = seen.get("pinned");
        assertThat(pinned).hasSize(1);
        List<String> row = texts(pinned.get(0));
        boolean onTheFront = input.selection().groups().stream().flatMap(g -> g.pareto().stream())
                .anyMatch(e -> List.of(e.target(), e.device(), e.draft(), e.quant(), Integer.toString(e.k()))
                        .equals(row.subList(0, 5)));
        assertThat(onTheFront).as("pinned row %s is on the front", row).isTrue();
    }

    @Test
    void deviceFilterRedrawsEveryChartWithTheFilteredData() {
        JsonNode after = seen.get("after");
        long rows = input.table().stream().filter(e -> e.device().equals(DEVICE)).count();
        assertThat(after.at("/goodput/points").asLong()).isEqualTo(rows).isLessThan(351);
        assertThat(after.at("/cost/points").asLong()).isEqualTo(rows);
        assertThat(after.at("/pareto/front").asInt()).isEqualTo(input.selection().groups().stream()
                .filter(g -> g.device().equals(DEVICE)).mapToInt(g -> g.pareto().size()).sum());
        assertThat(after.at("/sweep/points").asLong())
                .isEqualTo(input.sweep().stream().filter(r -> r.device().equals(DEVICE)).count());
        assertThat(after.at("/validation/points").asInt()).isEqualTo(VALIDATION.points().size());
        assertThat(after.at("/speed/points").asLong())
                .isEqualTo(input.catalog().draftProfiles().stream().filter(p -> p.device().equals(DEVICE)).count());
        // the objective filter: only the J-per-token optimum of each panel stays highlighted on the Pareto chart
        assertThat(seen.at("/afterObjective/pareto/optima").asLong()).isEqualTo(input.selection().groups().stream()
                .filter(g -> g.device().equals(DEVICE) && g.optimum(Objective.ENERGY).isPresent()).count());
    }

    @Test
    void savesAPngScreenshotOfEveryChart() throws IOException {
        assertThat(seen.get("screenshots")).hasSize(HtmlReport.CHARTS.size());
        for (String png : texts(seen.get("screenshots"))) {
            byte[] b = Files.readAllBytes(Path.of(png));
            assertThat(b.length).as(png).isGreaterThan(1000);
            assertThat(new String(b, 1, 3, StandardCharsets.US_ASCII)).as(png).isEqualTo("PNG");
        }
    }

    private static ValidationPoint point(double rttMs, int k, double measured, double predicted) {
        return new ValidationPoint(rttMs, k, 50, 2.5, 2.6, measured, predicted, 510, 500, false, 1e6, 1.1e6, Double.NaN,
                Double.NaN);
    }

    private static void assertClose(JsonNode tip, String field, double expected) {
        assertThat(tip.has(field)).as("tooltip has %s: %s", field, tip).isTrue();
        double shown = Double.parseDouble(tip.get(field).asText());
        assertThat(shown).as(field).isCloseTo(expected, org.assertj.core.data.Offset.offset(Math.abs(expected) * 1e-5));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
