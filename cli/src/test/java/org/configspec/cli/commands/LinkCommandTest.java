package org.configspec.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.configspec.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** configspec link as the launcher runs it: bad values are one line and exit 2; a bounded run prints its spec and stats. */
@Timeout(30)
class LinkCommandTest {
    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "link";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Result(code, out.toString(), err.toString());
    }

    private static final String ENDPOINTS = "--listen 127.0.0.1:0 --upstream 127.0.0.1:9 ";

    @ParameterizedTest
    @ValueSource(strings = {
            "--delay 5x", "--delay -1ms", "--up-delay soon", "--jitter 1h30m", "--bandwidth 10Mbps",
            "--bandwidth 0", "--down-bandwidth fast", "--loss 1.5", "--loss x", "--stall-every -3 --stall 1s",
            "--stall-every 10", "--stall 1s", "--seed abc", "--loss-stall never", "--duration x", "--stats-every 0",
            "--then-at 30s", "--delay-after 50ms", "--then-at 0s --delay-after 50ms", "--then-at 1s --delay-after -5ms"})
    void aBadValueIsOneLineOnStderrAndExitCode2(String bad) {
        Result r = run((ENDPOINTS + bad).split(" "));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("configspec link: ").doesNotContain("\n");
        assertThat(r.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--listen 127.0.0.1:0", "--upstream 127.0.0.1:9", "--listen nohost --upstream 127.0.0.1:9",
            "--listen 127.0.0.1:0 --upstream 127.0.0.1:0"})
    void aMissingOrBadEndpointIsOneLineAndExitCode2(String args) {
        Result r = run(args.split(" "));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("configspec link: ").doesNotContain("\n");
    }

    @Test
    void aBusyListenPortIsAUserError() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result r = run("--listen", "127.0.0.1:" + busy.getLocalPort(), "--upstream", "127.0.0.1:9");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip()).contains("cannot listen").doesNotContain("\n");
        }
    }

    @Test
    void aBoundedRunPrintsTheLinkAndItsStatsOnExit() {
        Result r = run("--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:9", "--delay", "50ms", "--jitter", "10ms",
                "--up-bandwidth", "10mbit", "--down-bandwidth", "1mbps", "--loss", "0.01", "--stall-every", "100",
                "--stall", "200ms", "--seed", "7", "--duration", "0.3s", "--stats-every", "100ms");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).startsWith("link: listening on 127.0.0.1:").contains(" -> 127.0.0.1:9")
                .contains("up: delay 50 ms + jitter 10 ms, 10 Mbit/s, loss 0.01 (stall 200 ms), stall 200 ms every 100 segments")
                .contains("down: delay 50 ms + jitter 10 ms, 8 Mbit/s").contains("seed 7");
        assertThat(lines[lines.length - 1]).startsWith("link: 0 connections (0 open, 0 aborted); up: 0 B");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aScheduledDelayChangeIsPrintedWithTheLink() {
        Result r = run("--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:9", "--delay", "10ms", "--then-at", "30s",
                "--delay-after", "50ms", "--duration", "0.1s");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out().split("\n")[0]).contains("up: delay 10 ms, unlimited").endsWith("seed 1; then from 30 s: delay 50 ms");
    }
}
