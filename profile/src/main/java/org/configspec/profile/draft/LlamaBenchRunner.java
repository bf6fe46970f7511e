package org.configspec.profile.draft;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.engine.ContextOptions;

/**
 * Runs a llama-bench executable's {@code tg} test ({@code -p 0 -n N -o json}) on one GGUF with the settings of a
 * {@link DecodeBench} and reads its output with {@link LlamaBenchReader}. stderr is discarded. Stateless.
 */
final class LlamaBenchRunner {
    private static final long TIMEOUT_MINUTES = 10;

    private final Path executable;

    LlamaBenchRunner(Path executable) {
        this.executable = executable;
    }

    /** The command line: model, threads, no prompt test, N generated tokens, reps, flash attention, KV type, JSON. */
    List<String> command(Path model, DecodeBenchSettings s) {
        String kv = s.kvType().name().toLowerCase(Locale.ROOT);
        return List.of(executable.toString(), "-m", model.toString(), "-t", Integer.toString(s.threads()), "-p", "0",
                "-n", Integer.toString(s.tokens()), "-r", Integer.toString(s.reps()), "-fa", flashAttn(s.flashAttention()),
                "-ctk", kv, "-ctv", kv, "-o", "json");
    }

    static String flashAttn(ContextOptions.FlashAttention fa) {
        return fa.name().toLowerCase(Locale.ROOT);
    }

    /** The first tg result, or empty when llama-bench exits non-zero, times out, or writes no readable tg result. */
    Optional<LlamaBenchRow> tg(Path model, DecodeBenchSettings s) {
        List<String> cmd = command(model, s);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new ConfigSpecException("cannot run llama-bench " + executable + ": " + e.getMessage(), e);
        }
        try {
            String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES) || p.exitValue() != 0) {
                return Optional.empty();
            }
            return LlamaBenchReader.parse(json, executable.getFileName().toString() + " output").stream()
                    .filter(LlamaBenchRow::isTg).findFirst();
        } catch (IOException | ConfigSpecException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            p.destroy();
        }
    }
}
