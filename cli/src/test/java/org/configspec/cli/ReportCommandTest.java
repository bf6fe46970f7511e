package org.configspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.configspec.cli.commands.FindingsCommand;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.domain.Target;
import org.configspec.core.json.MachineJson;
import org.configspec.core.profile.DraftProfile;
import org.configspec.core.validation.ValidationPoint;
import org.configspec.core.validation.ValidationReport;
import org.configspec.store.AcceptanceDocument;
import org.configspec.store.DraftDocument;
import org.configspec.store.ProfileKeys;
import org.configspec.store.ProfileProvenance;
import org.configspec.store.ProfileStore;
import org.configspec.store.ProfileStores;
import org.configspec.store.ValidationDocuments;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** configspec report: writes one offline HTML file whose selection table is select's; bad input is one line, exit 2. */
class ReportCommandTest {
    @TempDir
    Path dir;

    /** Needs the chart libraries packaged from .cache/vega (scripts/setup charts): tag "browser", left out by -Ppure. */
    @Test
    @Tag("browser")
    void writesOneOfflineFileWhoseSelectionIsWhatSelectPrints() throws IOException {
        Path html = dir.resolve("r.html");
        Run run = Run.of("report", "-o", html.toString(), "--target", "Qwen3-32B", "--t-verify", "0.2");
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("wrote " + html + " (").endsWith("open it in a browser\n");
        String page = Files.readString(html);
        Matcher m = Pattern.compile("<pre id=\"selection\">(.*?)</pre>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).isTrue();
        String shown = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        assertThat(shown).isEqualTo(Run.of("select", "--pareto", "--target", "Qwen3-32B", "--t-verify", "0.2").out());
        // self-contained: the libraries are inlined (that nothing is requested is checked in a real browser by
        // report/src/test/java/org/configspec/report/html/HtmlReportBrowserTest.java)
        assertThat(page).contains("vegaEmbed", "vega@6.4.0").doesNotContain("<script src=");
        assertThat(page).contains("T_v = 0.2 s");
    }

    /** From a store: its profiles are charted and its validation runs drawn (chart libraries needed: tag "browser"). */
    @Test
    @Tag("browser")
    void aStoreReportChartsItsProfilesAndItsValidationRuns() throws IOException {
        Catalog paper = CatalogReader.paper();
        Path db = dir.resolve("profiles.db");
        ProfileKeys keys = new ProfileKeys("RPi 5", "Qwen3-0.6B", "Q4_K_M", "Qwen3-32B");
        try (ProfileStore s = ProfileStores.open("sqlite:" + db)) {
            Instant t = Instant.parse("2026-11-30T00:00:00Z");
            DraftProfile p = paper.draftProfiles().stream().filter(x -> x.device().equals(keys.device())
                    && x.draft().equals(keys.draft()) && x.quant().equals(keys.quant())).findFirst().orElseThrow();
            s.put(new DraftDocument(p, paper.draft(p.draft(), p.quant()).orElseThrow(), "",
                    paper.device(p.device()).orElseThrow(), null).toDocument(t));
            var a = paper.acceptance().stream().filter(x -> x.draft().equals(keys.draft()) && x.target().equals(keys.target()))
                    .findFirst().orElseThrow();
            Target target = paper.target(a.target()).orElseThrow();
            s.put(new AcceptanceDocument(a, target.family(), target.hfId(), null).toDocument(t));
            ValidationReport r = new ValidationReport(0.6, p.tokPerS().value(), 500, 0, List.of(
                    new ValidationPoint(0, 2, 40, 2.1, 2.2, 3.3, 3.5, 520, 500, false, 1e6, 1.1e6, Double.NaN, Double.NaN),
                    new ValidationPoint(0, 4, 30, 2.6, 2.7, 3.4, 3.6, 530, 500, false, 1e6, 1.1e6, Double.NaN, Double.NaN)),
                    null, 0.59);
            s.put(ValidationDocuments.of(r, keys, "", "", new ProfileProvenance("test", "", "Q4_K_M", "RPi 5", "", 1, null,
                    "2026-11-30"), 48, 1, t));
        }
        Path html = dir.resolve("store.html");
        Run run = Run.of("report", "--store", db.toString(), "--price-output", "0.59", "-o", html.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        String page = Files.readString(html);
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"configspec-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(page);
        assertThat(m.find()).isTrue();
        JsonNode data = MachineJson.readTree(m.group(1), "embedded data");
        assertThat(data.get("evaluations")).hasSize(9);
        assertThat(data.get("validation")).hasSize(2);
        assertThat(data.at("/validation/1/predicted_goodput_tok_s").asDouble()).isEqualTo(3.6);
        assertThat(data.get("noData").has("validation")).isFalse();
    }

    @Test
    void aCatalogFileThatIsNotValidIsOneLineAndExitTwo() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"configspec-catalog\"");
        Run run = Run.of("report", "--catalog", bad.toString(), "-o", dir.resolve("r.html").toString());
        assertOneLineError(run, "configspec report: catalog " + bad + ": malformed JSON");
        assertThat(dir.resolve("r.html")).doesNotExist();
    }

    @Test
    void anEmptyStoreIsOneLineAndExitTwo() {
        Path db = dir.resolve("empty.db");
        try (ProfileStore s = ProfileStores.open("sqlite:" + db)) {
            assertThat(s).isNotNull();
        }
        Run run = Run.of("report", "--store", db.toString(), "--price-output", "0.59", "-o", dir.resolve("r.html").toString());
        assertOneLineError(run, "configspec report: ");
        assertThat(dir.resolve("r.html")).doesNotExist();
    }

    @Test
    void theMainCommandsLastLineSaysHowToGetTheReport() {
        Run run = Run.of();
        assertThat(run.code()).isZero();
        assertThat(run.out().strip().lines().reduce((a, b) -> b).orElseThrow()).isEqualTo(FindingsCommand.REPORT_HINT)
                .contains("configspec report");
    }

    private static void assertOneLineError(Run run, String expected) {
        assertThat(run.code()).as("exit code; stderr: %s", run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(expected).doesNotContain("\tat ").endsWith("\n");
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}
