package org.configspec.llm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the ConfigSpec repository root, which holds the gitignored {@code .cache/} with native libraries and
 * models: system property {@code configspec.home}, else environment variable {@code CONFIGSPEC_HOME}, else the
 * nearest directory at or above the working directory that contains {@code scripts/setup}, else the same search
 * upwards from where this class was loaded (so {@code <repo>/cli/target/configspec.jar} finds its repository from
 * any working directory).
 */
public final class ConfigSpecHome {
    public static final String PROPERTY = "configspec.home";
    public static final String ENV = "CONFIGSPEC_HOME";

    private ConfigSpecHome() { }

    /** The repository root, if one can be found. */
    public static Optional<Path> find() {
        String explicit = setting(PROPERTY, ENV);
        if (explicit != null) {
            return Optional.of(Path.of(explicit).toAbsolutePath().normalize());
        }
        Optional<Path> fromCwd = searchUp(Path.of("").toAbsolutePath());
        if (fromCwd.isPresent()) {
            return fromCwd;
        }
        try {
            var src = ConfigSpecHome.class.getProtectionDomain().getCodeSource();
            if (src != null && src.getLocation() != null) {
                return searchUp(Path.of(src.getLocation().toURI()).toAbsolutePath());
            }
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            // not a file location: no fallback
        }
        return Optional.empty();
    }

    private static Optional<Path> searchUp(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scripts").resolve("setup"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** The repository root or a one-line error saying how to set it. */
    public static Path require() {
        return find().orElseThrow(() -> new LlmException("ConfigSpec home not found: no scripts/setup at or above "
                + Path.of("").toAbsolutePath() + "; set -D" + PROPERTY + " or " + ENV + " to the repository root"));
    }

    /** {@code <home>/.cache}. */
    public static Path cacheDir() {
        return require().resolve(".cache");
    }

    /** Value of a system property, else of an environment variable, else null (blank counts as unset). */
    public static String setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? null : v;
    }
}
