package org.configspec.cli.commands.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Bad --target-url input to profile align and profile verify-time: one line on stderr, exit 2, nothing else. */
class AlignTargetUrlErrorsTest {

    static void oneLine(AlignCommandTest.Out o, String... parts) {
        assertThat(o.code()).as(o.err()).isEqualTo(2);
        assertThat(o.out()).isEmpty();
        assertThat(o.err().strip()).contains(parts).doesNotContain("\n");
    }

    /** A loopback port nobody listens on (bound, then closed). */
    static String deadUrl() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    @Test
    void aServerThatIsDownIsOneLine() throws IOException {
        oneLine(AlignCommandTest.run("--target-url", deadUrl(), "--draft", "stories15M-q8_0-l5"), "configspec profile align:");
        oneLine(AlignCommandTest.profile("verify-time", "--target-url", deadUrl()), "configspec profile verify-time:");
    }

    @Test
    void neitherTargetNorUrlAndAMalformedUrlAreOneLine() {
        oneLine(AlignCommandTest.run("--draft", "stories15M-q8_0-l5"), "--target or --target-url: one is needed");
        oneLine(AlignCommandTest.run("--target-url", "ftp://x", "--draft", "stories15M-q8_0-l5"),
                "not an http(s) URL");
        oneLine(AlignCommandTest.run("--target-url", "http://127.0.0.1:1", "--target-api", "tgi", "--draft",
                "stories15M-q8_0-l5"), "--target-api = 'tgi': not an API");
        oneLine(AlignCommandTest.profile("verify-time", "--target-url", "http://127.0.0.1:1", "--contexts", "0"),
                "--contexts = [0]");
    }
}
