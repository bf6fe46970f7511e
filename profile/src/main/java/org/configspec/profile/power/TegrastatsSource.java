package org.configspec.profile.power;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.configspec.core.error.ConfigSpecException;

/**
 * Jetson power from {@code tegrastats}: either a log file written by {@code tegrastats --interval <ms> --logfile
 * <f>} (each sample reads the file's last line), or a command such as {@code tegrastats --interval 100} started
 * once and read continuously on a daemon thread (each sample parses the latest line). The total follows {@link
 * RailTotal}. tegrastats updates at its own interval (default 1 s), so sampling faster only repeats values.
 */
public final class TegrastatsSource implements PowerSource {
    public static final List<String> DEFAULT_COMMAND = List.of("tegrastats", "--interval", "100");

    private final Supplier<String> latestLine;
    private final String where;
    private final Runnable closer;
    private final MeterInfo info;

    private TegrastatsSource(Supplier<String> latestLine, String where, Runnable closer) {
        this.latestLine = latestLine;
        this.where = where;
        this.closer = closer;
        RailTotal total = RailTotal.of(TegrastatsParser.railsWatts(latestLine.get(), where));
        this.info = new MeterInfo("tegrastats", "tegrastats power rails (" + where + "), instantaneous mW, " + total.scope(),
                total.rails(), false, "tegrastats refreshes at its own --interval (default 1000 ms)");
    }

    /** Reads the last line of a tegrastats log file at every sample. */
    public static TegrastatsSource fromLogFile(Path file) {
        String where = "tegrastats log " + file;
        return new TegrastatsSource(() -> lastLine(file, where), where, () -> { });
    }

    /** Starts {@code command} and keeps its latest output line; waits up to {@code firstLine} for the first one. */
    public static TegrastatsSource fromCommand(List<String> command, Duration firstLine) {
        String where = "command '" + String.join(" ", command) + "'";
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ConfigSpecException("tegrastats: cannot run " + where + ": " + e.getMessage());
        }
        LatestLine latest = new LatestLine();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank()) {
                        latest.set(line);
                    }
                }
            } catch (IOException e) {
                // the process ended or was destroyed; the last line stays
            }
        }, "tegrastats-reader");
        reader.setDaemon(true);
        reader.start();
        String first = latest.await(firstLine);
        if (first == null) {
            p.destroyForcibly();
            throw new ConfigSpecException("tegrastats: " + where + " printed no line within " + firstLine.toMillis() + " ms");
        }
        try {
            return new TegrastatsSource(latest::get, where, p::destroy);
        } catch (RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** The last non-blank line, reading only the file's tail (logs grow for as long as tegrastats runs). */
    static String lastLine(Path file, String where) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            for (long tail = 8192; ; tail *= 4) {
                long from = Math.max(0, length - tail);
                byte[] buf = new byte[(int) (length - from)];
                f.seek(from);
                f.readFully(buf);
                String text = new String(buf, StandardCharsets.UTF_8);
                String[] lines = text.split("\\R");
                // the first line of a partial tail may be cut; accept it only when the tail is the whole file
                int first = from == 0 ? 0 : 1;
                for (int i = lines.length - 1; i >= first; i--) {
                    if (!lines[i].isBlank()) {
                        return lines[i];
                    }
                }
                if (from == 0) {
                    throw new ConfigSpecException(where + " is empty; start 'tegrastats --interval 100 --logfile " + file + "' first");
                }
            }
        } catch (IOException e) {
            throw new ConfigSpecException("cannot read " + where + ": " + e.getMessage());
        }
    }

    @Override
    public MeterInfo info() {
        return info;
    }

    @Override
    public double readWatts() {
        return RailTotal.of(TegrastatsParser.railsWatts(latestLine.get(), where)).watts();
    }

    @Override
    public void close() {
        closer.run();
    }

    private static final class LatestLine {
        private String line;

        synchronized void set(String l) {
            line = l;
            notifyAll();
        }

        synchronized String get() {
            return line;
        }

        synchronized String await(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (line == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return line;
        }
    }
}
