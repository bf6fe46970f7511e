package org.configspec.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.configspec.profile.draft.ProcSelf;

/**
 * A real {@code configspec serve} process under test: started from the application jar on a free port (its output
 * goes to a log file), or attached to by URL and pid. Reads the server's VmRSS from {@code /proc/<pid>/status} and
 * its Prometheus counters from {@code GET /metrics}.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("on (http://\\S+) \\(Ctrl-C stops\\)");

    private final Process process;
    private final long pid;
    private final String url;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ServerProcess(Process process, long pid, String url) {
        this.process = process;
        this.pid = pid;
        this.url = url;
    }

    /** An already running server; {@code pid} 0 = unknown (no RSS). */
    static ServerProcess attach(String url, long pid) {
        return new ServerProcess(null, pid, url);
    }

    /** Starts {@code java -jar JAR serve --port 0 ARGS...} and waits (at most 120 s) for its URL line. */
    static ServerProcess start(Path jar, List<String> serveArgs, Path log) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "serve", "--port", "0"));
        cmd.addAll(serveArgs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            String out = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Matcher m = URL.matcher(out);
            if (m.find()) {
                return new ServerProcess(p, p.pid(), m.group(1));
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("configspec serve exited with " + p.exitValue() + ": " + out.trim());
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new IllegalStateException("configspec serve printed no URL within 120 s (log: " + log + ")");
    }

    String url() {
        return url;
    }

    long pid() {
        return pid;
    }

    /** The server's resident set in bytes, 0 when the pid is unknown. */
    long rssBytes() {
        return pid > 0 ? ProcSelf.rssBytesOf(pid) : 0;
    }

    /** Every sample of {@code /metrics}: "name{labels}" → value. */
    Map<String, Double> metrics() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/metrics"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /metrics answered " + r.statusCode());
        }
        Map<String, Double> m = new HashMap<>();
        for (String line : r.body().split("\n")) {
            int sp = line.lastIndexOf(' ');
            if (line.isBlank() || line.startsWith("#") || sp <= 0) {
                continue;
            }
            m.put(line.substring(0, sp), Double.parseDouble(line.substring(sp + 1)));
        }
        return m;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
