package org.configspec.llm.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.configspec.llm.ConfigSpecHome;
import org.configspec.llm.LlmException;

/**
 * Finds the llama.cpp shared library: system property {@code configspec.llama.lib} or environment variable
 * {@code CONFIGSPEC_LLAMA_LIB} (a directory holding {@code libllama*.so}, or the library file itself, e.g. a
 * user-built one; the value {@value #PREBUILT} asks for the prebuilt library); else the native build of
 * {@code scripts/build-llama-native} when it is complete ({@code <home>/.cache/llama-native/.stamp} and
 * {@code build/bin/libllama*.so}), since only it verifies a batch of 8 at least 2.5× cheaper than 8 single steps
 * (docs/benchmarks.md, "Against llama.cpp's own tools"); else {@code <home>/.cache/llama/<platform>} as provisioned
 * by {@code scripts/setup}.
 */
public final class LibraryLocator {
    public static final String PROPERTY = "configspec.llama.lib";
    public static final String ENV = "CONFIGSPEC_LLAMA_LIB";
    /** The setting's value that chooses the prebuilt library even when a native build is present. */
    public static final String PREBUILT = "prebuilt";

    private LibraryLocator() { }

    /** {@code linux-x64} or {@code linux-arm64}; a one-line error on other platforms. */
    public static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            throw new LlmException("unsupported operating system '" + System.getProperty("os.name")
                    + "': the prebuilt llama.cpp libraries are provisioned for Linux only (linux-x64, linux-arm64); "
                    + "set -D" + PROPERTY + " to a directory with your own libllama build");
        }
        switch (arch) {
            case "amd64": case "x86_64": return "linux-x64";
            case "aarch64": case "arm64": return "linux-arm64";
            default:
                throw new LlmException("unsupported CPU architecture '" + arch + "': supported are x86_64 and aarch64");
        }
    }

    /** The libllama file to load, or a one-line error saying where it looked and how to fix it. */
    public static Path locate() {
        return locate(ConfigSpecHome.setting(PROPERTY, ENV), ConfigSpecHome::find);
    }

    /** {@link #locate()} with the setting's value (or null) and the home given. */
    static Path locate(String explicit, java.util.function.Supplier<java.util.Optional<Path>> homes) {
        boolean prebuilt = PREBUILT.equals(explicit);
        if (explicit != null && !prebuilt) {
            Path p = Path.of(explicit).toAbsolutePath().normalize();
            if (Files.isRegularFile(p)) {
                return p;
            }
            if (!Files.isDirectory(p)) {
                throw new LlmException("llama.cpp library directory " + p + " (from " + PROPERTY + "/" + ENV
                        + ") does not exist; expected a directory containing libllama*.so");
            }
            return findIn(p, "set by " + PROPERTY + "/" + ENV);
        }
        Path home = homes.get().orElseThrow(() -> new LlmException(
                "llama.cpp library not found: ConfigSpec home unknown (no scripts/setup at or above "
                        + Path.of("").toAbsolutePath() + "); set -D" + PROPERTY + " to a directory with libllama*.so"));
        if (!prebuilt) {
            Path nativeBuild = nativeBuild(home);
            if (nativeBuild != null) {
                return nativeBuild;
            }
        }
        Path dir = home.resolve(".cache").resolve("llama").resolve(platform());
        if (!Files.isDirectory(dir)) {
            throw new LlmException("llama.cpp library not found: " + dir + " does not exist; run scripts/setup in "
                    + home + " (or set -D" + PROPERTY + " to a directory with libllama*.so)");
        }
        return findIn(dir, "run scripts/setup in " + home);
    }

    /** The libllama of a complete native build under {@code home}, or null. */
    static Path nativeBuild(Path home) {
        Path root = home.resolve(".cache").resolve("llama-native");
        Path bin = root.resolve("build").resolve("bin");
        if (!Files.isRegularFile(root.resolve(".stamp")) || !Files.isDirectory(bin)) {
            return null;
        }
        try {
            return findIn(bin, "native build");
        } catch (LlmException e) {
            return null;
        }
    }

    /** The libllama library file in {@code dir}; prefers {@code libllama.so}, then versioned names. */
    public static Path findIn(Path dir, String hint) {
        List<Path> candidates;
        try (Stream<Path> s = Files.list(dir)) {
            candidates = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("libllama") && n.contains(".so") && !n.startsWith("libllama-");
            }).sorted(Comparator.comparing((Path p) -> p.getFileName().toString().length())
                    .thenComparing(p -> p.getFileName().toString())).collect(Collectors.toList());
        } catch (IOException e) {
            throw new LlmException("cannot list llama.cpp library directory " + dir + ": " + e.getMessage(), e);
        }
        if (candidates.isEmpty()) {
            throw new LlmException("llama.cpp library not found: no libllama*.so in " + dir + " (" + hint + ")");
        }
        return candidates.get(0);
    }
}
