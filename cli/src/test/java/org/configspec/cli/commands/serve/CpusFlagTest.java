package org.configspec.cli.commands.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.configspec.cli.Main;
import org.configspec.llm.cpu.CpuAffinity;
import org.configspec.llm.cpu.CpuSet;
import org.junit.jupiter.api.Test;

/**
 * {@code --cpus LIST} of serve and run: a bad list, a CPU this process may not use, more llama threads than CPUs, and
 * pinning a remote backend are each one line and exit 2, before any model is loaded.
 */
class CpusFlagTest {
    private static final String ALLOWED = "(allowed: CPU numbers 0..511 and ranges A-B, comma-separated, e.g. 0 or"
            + " 0-1,3)";

    private static String fails(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(code).as("exit code; stderr: %s", err).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip()).doesNotContain("\n");
        return err.toString().strip();
    }

    @Test
    void aBadListIsOneLineNamingTheFlagAndTheValue() {
        assertThat(fails("serve", "--model", "stories15M-f32", "--cpus", "0-x")).isEqualTo("configspec serve: Invalid"
                + " value for option '--cpus': CPU list '0-x': 'x' is not a CPU number " + ALLOWED
                + " (see 'configspec serve --help')");
        assertThat(fails("run", "--draft", "stories15M-q8_0", "--verifier", "http://127.0.0.1:1", "--prompt", "x",
                "--cpus", "3-1")).isEqualTo("configspec run: Invalid value for option '--cpus': CPU list '3-1':"
                + " range 3-1 runs backwards " + ALLOWED + " (see 'configspec run --help')");
    }

    @Test
    void aCpuThisProcessMayNotUseIsRefused() {
        CpuSet all = CpuAffinity.system().allowed();
        int absent = all.cpus().get(all.size() - 1) + 1;
        String expected = ": --cpus " + absent + ": CPU " + absent + " not available to this process (it may run on "
                + all + ")";
        assertThat(fails("serve", "--model", "stories15M-f32", "--cpus", String.valueOf(absent)))
                .isEqualTo("configspec serve" + expected);
        assertThat(fails("run", "--draft", "stories15M-q8_0", "--verifier", "http://127.0.0.1:1", "--prompt", "x",
                "--cpus", String.valueOf(absent))).isEqualTo("configspec run" + expected);
    }

    @Test
    void moreThreadsThanCpusAndAPinnedRemoteBackendAreRefused() {
        String cpu = String.valueOf(CpuAffinity.system().allowed().cpus().get(0));
        String expected = ": --threads = 2 with --cpus " + cpu + ": allowed at most one llama thread per pinned CPU (1)";
        assertThat(fails("serve", "--model", "stories15M-f32", "--cpus", cpu, "-t", "2"))
                .isEqualTo("configspec serve" + expected);
        assertThat(fails("run", "--draft", "stories15M-q8_0", "--verifier", "http://127.0.0.1:1", "--prompt", "x",
                "--cpus", cpu, "--threads", "2")).isEqualTo("configspec run" + expected);
        assertThat(fails("serve", "--model", "stories15M-f32", "--backend", "http://127.0.0.1:1", "--cpus", cpu))
                .isEqualTo("configspec serve: --cpus pins the in-process target's decoding: with --backend the target"
                        + " decodes in the serving engine (pin that process instead)");
    }
}
