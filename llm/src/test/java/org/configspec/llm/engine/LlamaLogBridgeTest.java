package org.configspec.llm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * llama.cpp's log: fragments buffered to a newline, CONT continues a message, silent by default (errors kept for our
 * one-line messages), WARNING and above when asked for.
 */
class LlamaLogBridgeTest {
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() { }

        @Override
        public void close() { }
    };
    private final Logger logger = Logger.getLogger(LlamaLogBridge.LOGGER_NAME);

    private Level saved;

    @BeforeEach
    void attach() {
        saved = logger.getLevel();
        logger.addHandler(handler);
    }

    /** The level is global: give the other tests of this JVM the runtime's own setting back. */
    @AfterEach
    void detach() {
        logger.removeHandler(handler);
        logger.setLevel(saved);
    }

    private static Memory c(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        Memory m = new Memory(b.length + 1);
        m.write(0, b, 0, b.length);
        m.setByte(b.length, (byte) 0);
        return m;
    }

    @Test
    void byDefaultNothingIsShownButErrorsAreKeptForTheOneLineMessage() {
        LlamaLogBridge.takeErrors();
        LlamaLogBridge bridge = new LlamaLogBridge(null, false);
        bridge.invoke(3, c("load: something odd\n"), null);
        bridge.invoke(4, c("llama_model_load: error loading model: missing tensor 'x'\n"), null);
        assertThat(records).isEmpty();
        assertThat(LlamaLogBridge.takeErrors()).containsExactly("llama_model_load: error loading model: missing tensor 'x'");
        assertThat(LlamaLogBridge.takeErrors()).isEmpty();
    }

    @Test
    void fragmentsAreJoinedAndOnlyWarningsPassAtLevelWarning() {
        LlamaLogBridge bridge = new LlamaLogBridge("WARNING", false);
        bridge.invoke(2, c("llama_model_loader: loaded meta data\n"), null);
        bridge.invoke(3, c("quantize: something "), null);
        bridge.invoke(5, c("odd happened"), null);
        bridge.invoke(5, c("\n"), null);
        bridge.invoke(4, c("decode: failed\nsecond line\n"), null);
        assertThat(records).extracting(LogRecord::getMessage)
                .containsExactly("quantize: something odd happened", "decode: failed", "second line");
        assertThat(records).extracting(LogRecord::getLevel)
                .containsExactly(Level.WARNING, Level.SEVERE, Level.SEVERE);
    }

    @Test
    void configspecDebugShowsWarningsAndErrors() {
        LlamaLogBridge bridge = new LlamaLogBridge(null, true);
        bridge.invoke(2, c("info line\n"), null);
        bridge.invoke(4, c("llama_model_load: error loading model: x\n"), null);
        assertThat(records).extracting(LogRecord::getMessage).containsExactly("llama_model_load: error loading model: x");
    }

    @Test
    void theContextLargerThanTrainingWarningIsDowngraded() {
        LlamaLogBridge bridge = new LlamaLogBridge("WARNING", false);
        bridge.invoke(3, c("llama_context: n_ctx_seq (512) > n_ctx_train (256) -- possible training context overflow\n"),
                null);
        assertThat(records).isEmpty();
        assertThat(LlamaLogBridge.isBenign("n_ctx_seq (512) > n_ctx_train (256)")).isTrue();
    }
}
