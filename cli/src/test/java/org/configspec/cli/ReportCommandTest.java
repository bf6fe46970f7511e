package org.configspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.configspec.cli.commands.FindingsCommand;
import org.configspec.store.ProfileStore;
import org.configspec.store.ProfileStores;
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
