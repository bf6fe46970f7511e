package org.configspec.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.json.MachineJson;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.profile.DraftProfile;
import org.configspec.core.select.Weights;
import org.configspec.core.space.SpaceFilter;
import org.junit.jupiter.api.Test;

/**
 * The page the writer assembles, without a browser: the data it embeds (the evaluations as select writes them, NaN
 * as null, no "&lt;/" that would end the script early) and the charts that say why they have no data. The chart
 * libraries do not matter here, so none are inlined; HtmlReportBrowserTest draws the real page.
 */
class HtmlReportTest {
    private static final ChartLibraries NONE = new ChartLibraries(List.of(), List.of("none"));

    @Test
    void aCatalogWithoutPowerDataSaysWhyTheEnergyChartsAreEmpty() {
        Catalog paper = CatalogReader.paper();
        List<DraftProfile> noPower = paper.draftProfiles().stream().map(p -> new DraftProfile(p.device(), p.draft(), p.quant(),
                p.tokPerS(), null, p.peakMemoryBytes(), p.provenance())).toList();
        Catalog c = new Catalog("nopower", "paper without power", "test", paper.devices(), paper.drafts(), paper.targets(),
                paper.acceptance(), noPower);
        String page = HtmlReport.write(ReportInput.of(c, ModelOptions.paper(), SpaceFilter.all(), Weights.equal(), List.of(), List.of()), NONE);
        assertThat(section(page, "energy")).contains("No data: no device of catalog 'nopower' has power data");
        assertThat(section(page, "power")).contains("No data: no draft profile of catalog 'nopower' carries power");
        assertThat(section(page, "goodput")).contains("<div class=\"view\"></div>").doesNotContain("No data");
        JsonNode data = embedded(page);
        assertThat(data.get("evaluations")).hasSize(351);
        assertThat(data.at("/evaluations/0/joules_per_token").isNull()).as("unknown energy is null, not NaN").isTrue();
    }

    @Test
    void theEmbeddedDataIsSelectsResultModelAndCannotEndTheScriptEarly() {
        Catalog paper = CatalogReader.paper();
        Catalog tricky = new Catalog("x</script><b>", paper.description(), "a & b", paper.devices(), paper.drafts(),
                paper.targets(), paper.acceptance(), paper.draftProfiles());
        String page = HtmlReport.write(ReportInput.of(tricky, ModelOptions.paper(), SpaceFilter.all(), Weights.equal(),
                List.of("warning: <busy>"), List.of()), NONE);
        assertThat(page).doesNotContain("x</script>").contains("x&lt;/script&gt;&lt;b&gt;", "warning: &lt;busy&gt;");
        JsonNode data = embedded(page);
        assertThat(data.at("/catalog/name").asText()).isEqualTo("x</script><b>");
        assertThat(data.at("/selection/groups")).hasSize(6);
        assertThat(data.at("/model/paperMode").asBoolean()).isTrue();
        assertThat(data.get("sweep")).hasSize(39 * ReportInput.SWEEP_T_VERIFY_S.size());
    }

    @Test
    void nothingToEvaluateIsAUserError() {
        Catalog paper = CatalogReader.paper();
        Catalog none = new Catalog("none", "", "", paper.devices(), paper.drafts(), paper.targets(), List.of(),
                paper.draftProfiles());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportInput.of(none, ModelOptions.paper(), SpaceFilter.all(),
                        Weights.equal(), List.of(), List.of()))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("nothing to report");
    }

    private static String section(String page, String id) {
        Matcher m = Pattern.compile("<section class=\"chart\" id=\"chart-" + id + "\">(.*?)</section>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("section %s", id).isTrue();
        return m.group(1);
    }

    private static JsonNode embedded(String page) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"configspec-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).isTrue();
        return MachineJson.readTree(m.group(1), "embedded data");
    }
}
