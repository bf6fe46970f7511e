package org.configspec.profile.power;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.configspec.core.error.ConfigSpecException;

/**
 * A filesystem root under which device paths such as {@code /sys/class/powercap} are resolved: {@code /} on the
 * device, a directory of recorded files in tests. File reads go through a {@link FileReader} so that tests can
 * reproduce errors the fixture's owner cannot (e.g. permission denied when the tests run as root).
 */
public final class Sysfs {
    /** Reads one file's text. */
    @FunctionalInterface
    public interface FileReader {
        String read(Path file) throws IOException;
    }

    private final Path root;
    private final FileReader reader;

    public Sysfs(Path root, FileReader reader) {
        this.root = Objects.requireNonNull(root, "root");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    public Sysfs(Path root) {
        this(root, Files::readString);
    }

    public Path root() {
        return root;
    }

    /** The file for a device path such as {@code /sys/class/powercap}. */
    public Path resolve(String devicePath) {
        return root.resolve(devicePath.replaceFirst("^/+", ""));
    }

    /** The path as it is named on the device ({@code /sys/...}), for messages. */
    public String show(Path file) {
        try {
            return "/" + root.relativize(file).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }

    /** The trimmed text of a file; throws {@link AccessDeniedException} or another {@link IOException} as is. */
    public String readRaw(Path file) throws IOException {
        return reader.read(file).trim();
    }

    /** The trimmed text of a file, or a one-line {@link ConfigSpecException} naming the file. */
    public String read(Path file) {
        try {
            return readRaw(file);
        } catch (AccessDeniedException e) {
            throw new ConfigSpecException("cannot read " + show(file) + ": permission denied");
        } catch (IOException e) {
            throw new ConfigSpecException("cannot read " + show(file) + ": " + e.getMessage());
        }
    }

    /** A file holding one integer (sysfs style), parsed; the message names the file, the text and the unit. */
    public long readLong(Path file, String unit) {
        String text = read(file);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ConfigSpecException(show(file) + " holds '" + text + "', expected an integer in " + unit);
        }
    }

    public boolean exists(Path file) {
        return Files.exists(file);
    }

    /** The entries of a directory whose names satisfy {@code filter}, sorted by name; empty when it is absent. */
    public List<Path> list(Path dir, Predicate<String> filter) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = new ArrayList<>(s.filter(p -> filter.test(p.getFileName().toString())).toList());
            out.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
            return out;
        } catch (IOException e) {
            throw new ConfigSpecException("cannot list " + show(dir) + ": " + e.getMessage());
        }
    }
}
