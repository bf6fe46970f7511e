package org.configspec.core.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Protects the promise that a clone with nothing beside it builds and passes its tests: no file of the repository
 * outside docs/ points at the sibling notes folder (the needles are built by concatenation so that this file does
 * not match itself). The files are those git tracks or would track; without git (a source archive), every file under the root
 * except build output, caches and git's own folder.
 */
class RepositoryIsSelfContainedTest {
    private static final String SIBLING = "shared";
    private static final List<String> NEEDLES = List.of("../" + SIBLING, SIBLING + "/");
    /** Folders (at any depth) that are never the repository's content; .gitignore lists them. */
    private static final Set<String> NOT_CONTENT = Set.of(".git", ".cache", "node_modules", ".idea");
    /** Maven's build output: a folder of this name in the root or a module (not a package named so, deeper). */
    private static final String BUILD_OUTPUT = "target";

    @Test
    void noFileOutsideDocsRefersToTheSiblingNotesFolder() throws IOException {
        Path root = repositoryRoot();
        List<String> offenders = new ArrayList<>();
        for (String file : files(root)) {
            if (file.startsWith("docs/")) {
                continue;
            }
            Path path = root.resolve(file);
            if (!Files.isRegularFile(path)) {
                continue;
            }
            String text = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
            if (text.indexOf('\0') >= 0) {
                continue; // binary (gzip data, weights): no path in it is read as a reference
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                for (String needle : NEEDLES) {
                    if (lines[i].contains(needle)) {
                        offenders.add(file + ":" + (i + 1) + ": " + lines[i].strip());
                        break;
                    }
                }
            }
        }
        assertThat(offenders).as("files that refer to the sibling '%s' folder (everything the code and tests use must"
                + " be in the repository or installed by scripts/setup)", SIBLING).isEmpty();
    }

    @Test
    void theFilesSearchedAreTheRepositorysIncludingThisOne() throws IOException {
        assertThat(files(repositoryRoot())).contains("pom.xml", "core/pom.xml", "scripts/test", "README.md",
                "core/src/test/java/org/configspec/core/repository/RepositoryIsSelfContainedTest.java");
    }

    @Test
    void withoutGitTheWalkFindsEveryFileGitKnowsAndNoBuildOutput() throws IOException {
        Path root = repositoryRoot();
        List<String> walked = walk(root);
        List<String> missed = files(root).stream().filter(f -> Files.isRegularFile(root.resolve(f)))
                .filter(f -> !walked.contains(f)).toList();
        assertThat(missed).as("files git knows that the walk misses").isEmpty();
        assertThat(walked).noneMatch(f -> f.startsWith("core/target/") || f.startsWith(".git/"));
    }

    /** The build runs each module's tests in the module folder; the repository root is its parent. */
    private static Path repositoryRoot() {
        Path module = Path.of("").toAbsolutePath();
        Path root = module.getParent();
        assertThat(root).as("parent of the module folder %s", module).isNotNull();
        assertThat(root.resolve("pom.xml")).as("the root pom beside module %s", module.getFileName()).isRegularFile();
        return root;
    }

    private static List<String> files(Path root) throws IOException {
        List<String> tracked = gitLsFiles(root);
        return tracked != null ? tracked : walk(root);
    }

    private static List<String> walk(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p))
                    .filter(p -> !p.startsWith("models") && !p.endsWith(".jqwik-database"))
                    .filter(p -> {
                        for (Path part : p) {
                            if (NOT_CONTENT.contains(part.toString())) {
                                return false;
                            }
                        }
                        for (int i = 0; i < Math.min(2, p.getNameCount() - 1); i++) {
                            if (p.getName(i).toString().equals(BUILD_OUTPUT)) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .map(p -> p.toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    /** Files git tracks or would track (not ignored) under root, or null when root is not a git checkout or git is not installed. */
    private static List<String> gitLsFiles(Path root) {
        try {
            Process p = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard").directory(root.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            List<String> files = new ArrayList<>();
            for (String f : new String(out, StandardCharsets.UTF_8).split("\0")) {
                if (!f.isEmpty()) {
                    files.add(f);
                }
            }
            return files.isEmpty() ? null : files;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while running git ls-files", e));
        }
    }
}
