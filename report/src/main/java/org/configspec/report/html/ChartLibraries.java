package org.configspec.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;

/**
 * The chart libraries the report inlines: Vega, Vega-Lite and vega-embed (BSD-3-Clause), their minified builds and
 * licences. scripts/setup fetches them from npm (versions and integrity pinned there) into .cache/vega and
 * report/pom.xml packages that directory into the jar, so a user who has only the jar can write a report offline.
 *
 * @param scripts  the minified builds, in load order (vega, vega-lite, vega-embed)
 * @param licences each library's name, version and licence text
 */
public record ChartLibraries(List<String> scripts, List<String> licences) {
    /** Where the build puts them on the classpath. */
    public static final String RESOURCE_DIR = "org/configspec/report/html/vendor/";
    private static final List<String> NAMES = List.of("vega", "vega-lite", "vega-embed");

    public ChartLibraries {
        scripts = List.copyOf(scripts);
        licences = List.copyOf(licences);
    }

    /** The libraries packaged with this build; a build made without them is a clear error, not a blank report. */
    public static ChartLibraries packaged() {
        List<String> scripts = new ArrayList<>();
        List<String> licences = new ArrayList<>();
        String versions = resource("versions.txt");
        for (String name : NAMES) {
            scripts.add(resource(name + ".min.js"));
            String version = versions.lines().filter(l -> l.startsWith(name + "@")).map(l -> l.split(" ")[0])
                    .findFirst().orElse(name);
            licences.add(version + " (BSD-3-Clause)\n\n" + resource(name + ".LICENSE").strip());
        }
        return new ChartLibraries(scripts, licences);
    }

    private static String resource(String file) {
        try (InputStream in = ChartLibraries.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + file)) {
            if (in == null) {
                throw new ConfigSpecException("report: this build has no chart libraries (" + RESOURCE_DIR + file
                        + " is missing); run 'scripts/setup charts' and rebuild");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigSpecException("report: cannot read the packaged chart library " + file + ": " + e.getMessage(), e);
        }
    }
}
