package org.configspec.llm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.TestModels;
import org.configspec.llm.model.DefaultModel;
import org.configspec.llm.sampling.Sampler;
import org.configspec.llm.sampling.SamplingParams;
import org.junit.jupiter.api.Test;

/** A JVM that used llama.cpp exits normally, even when main returns with the model and session still open. */
@NeedsLlama
class JvmExitTest {

    /** Run in a child JVM: generates, then returns from main without closing anything. */
    public static final class Probe {
        public static void main(String[] args) {
            LlamaModel m = LlamaModel.load(Path.of(args[0]));
            LlamaSession s = m.newSession(ContextOptions.defaults().withThreads(2));
            Generator.Result r = Generator.generate(s, m.tokenize("Once upon a time", true), 8,
                    new Sampler(SamplingParams.greedy()), null);
            System.out.println(m.detokenizeToString(r.tokens()));
        }
    }

    @Test
    void jvmExitsWithStatusZeroWithNativeResourcesOpen() throws IOException, InterruptedException {
        Path model = TestModels.path(DefaultModel.STORIES15M_Q8_0);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dconfigspec.home=" + TestModels.store().dir().getParent().getParent(), Probe.class.getName(),
                model.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited within 60 s; output: %s", out).isTrue();
        assertThat(p.exitValue()).as("exit status; output: %s", out).isZero();
        assertThat(out).startsWith(", there was a little girl").doesNotContain("hs_err");
    }
}
