package org.configspec.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.configspec.core.json.MachineJson;
import org.configspec.report.ModelDescription;
import org.configspec.report.SelectionWriter;

/**
 * Writes one self-contained interactive HTML report: the chart libraries and the page's script inlined, the data
 * embedded as JSON ({@link ReportData}), nothing fetched from outside the file. The charts are drawn in the browser
 * by report.js (beside this class's resources) from that data; a chart without data shows why instead.
 */
public final class HtmlReport {
    /** The charts, in page order: id, title, what it shows. */
    public static final List<Chart> CHARTS = List.of(
            new Chart("goodput", "Goodput vs K", "goodput (tokens/s) per draft variant; one panel per device, one row per target; the marked point is the panel's optimum"),
            new Chart("cost", "Tokens per $ vs K", "committed tokens per US dollar; same layout"),
            new Chart("energy", "J per token vs K", "edge energy per committed token (J); same layout"),
            new Chart("pareto", "Pareto front", "the Pareto set of each target × device: goodput vs tokens per $, colour = J per token (grey where unknown); the per-objective optima and the weighted choice are marked; click a point to pin it below"),
            new Chart("sweep", "Goodput-optimal K vs T_v", "the K with the highest goodput as the verification time grows, per device and draft"),
            new Chart("alpha", "Acceptance α(K)", "mean fraction of the K drafted tokens accepted, per draft → target, with its spread where the profile has one"),
            new Chart("survival", "Per-position acceptance P(L ≥ i)", "the probability that at least i drafted tokens are accepted"),
            new Chart("speed", "Drafting speed", "tokens/s per device and draft variant, with the spread where measured"),
            new Chart("power", "Drafting power", "W per device and draft variant, with the spread where measured"),
            new Chart("validation", "Predicted vs measured goodput", "stored validation runs: predicted against measured goodput with the line y = x, and the goodput error by K and RTT"));

    private static final Pattern SLOT = Pattern.compile("\\{\\{([A-Z_]+)}}");

    private HtmlReport() {
    }

    /** One chart of the page. */
    public record Chart(String id, String title, String description) {
    }

    /** The report for {@code in}, inlining the libraries packaged with this build. */
    public static String write(ReportInput in) {
        return write(in, ChartLibraries.packaged());
    }

    public static String write(ReportInput in, ChartLibraries libraries) {
        Map<String, String> noData = ReportData.noData(in);
        StringBuilder sections = new StringBuilder();
        for (Chart c : CHARTS) {
            sections.append("<section class=\"chart\" id=\"chart-").append(c.id()).append("\">\n<h2>").append(esc(c.title()))
                    .append("</h2>\n<p class=\"about\">").append(esc(c.description())).append("</p>\n");
            if (c.id().equals("energy") && !noData.containsKey("energy") && !ReportData.devicesWithoutPower(in).isEmpty()) {
                sections.append("<p class=\"note\">no power data on: ").append(esc(ReportData.devicesWithoutPower(in)))
                        .append(" (J per token is unknown there; those configurations are not drawn)</p>\n");
            }
            if (noData.containsKey(c.id())) {
                sections.append("<p class=\"nodata\">No data: ").append(esc(noData.get(c.id()))).append(".</p>\n");
            } else {
                sections.append("<div class=\"view\"></div>\n");
            }
            if (c.id().equals("pareto")) {
                sections.append("<table id=\"pinned\"><thead><tr><th>target</th><th>device</th><th>draft</th><th>quant</th>"
                        + "<th>K</th><th>goodput tok/s</th><th>tokens/$</th><th>J/tok</th></tr></thead><tbody></tbody></table>\n");
            }
            sections.append("</section>\n");
        }
        StringBuilder notices = new StringBuilder();
        in.notices().forEach(n -> notices.append("<p class=\"notice\">").append(esc(n)).append("</p>\n"));
        StringBuilder scripts = new StringBuilder();
        for (String s : libraries.scripts()) {
            scripts.append("<script>").append(s).append("</script>\n");
        }
        String data = MachineJson.write(MachineJson.compact(), ReportData.of(in)).replace("</", "<\\/");
        Map<String, String> slots = new java.util.HashMap<>(Map.of(
                "TITLE", esc("ConfigSpec report: " + in.catalog().name()),
                "CATALOG", esc(in.catalog().name() + ": " + in.catalog().description()),
                "SOURCE", esc(in.catalog().source()),
                "MODEL", esc(ModelDescription.line(in.selection().options())),
                "COUNT", Integer.toString(in.table().size()),
                "NOTICES", notices.toString(),
                "SECTIONS", sections.toString(),
                "SELECTION", esc(SelectionWriter.table(in.selection())),
                "LICENCES", esc(String.join("\n\n", libraries.licences())),
                "LIBRARIES", scripts.toString()));
        slots.put("STYLE", resource("report.css"));
        slots.put("APP", resource("report.js"));
        slots.put("DATA", data);
        return fill(resource("report.html"), slots);
    }

    /** Replaces every {{NAME}} of {@code template} whose name is in {@code slots}; inserted text is not scanned again. */
    static String fill(String template, Map<String, String> slots) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(template.length());
        int last = 0;
        while (m.find()) {
            String v = slots.get(m.group(1));
            if (v == null) {
                continue;
            }
            out.append(template, last, m.start()).append(v);
            last = m.end();
        }
        return out.append(template, last, template.length()).toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("report resource " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read report resource " + name, e);
        }
    }
}
