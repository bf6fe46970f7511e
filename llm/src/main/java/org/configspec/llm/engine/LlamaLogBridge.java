package org.configspec.llm.engine;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.configspec.llm.binding.LlamaLibrary;

/**
 * Routes llama.cpp's and ggml's log to {@code java.util.logging} logger {@value #LOGGER_NAME}. Fragments are
 * buffered up to a newline; level 5 (CONT) continues the previous message at its level. The logger is silent by
 * default (our own one-line errors say what failed, with llama.cpp's reason from {@link #takeErrors()}); environment
 * variable {@code CONFIGSPEC_DEBUG} shows WARNING and above, and system property {@code configspec.llama.log} names
 * any JUL level (e.g. INFO, FINE, OFF). Known benign warnings (context larger than the training context, quantizer
 * type fallbacks for rows not divisible by the K-quant block) are downgraded to INFO. The callback runs on the thread
 * making the native call; the buffer and the recent errors are per thread.
 */
final class LlamaLogBridge implements LlamaLibrary.LogCallback {
    static final String LOGGER_NAME = "org.configspec.llm.llama";
    private static final Logger LOG = Logger.getLogger(LOGGER_NAME);

    private final ThreadLocal<StringBuilder> buffer = ThreadLocal.withInitial(StringBuilder::new);
    private final ThreadLocal<int[]> lastLevel = ThreadLocal.withInitial(() -> new int[] {2});
    private static final int KEPT_ERRORS = 8;
    private static final ThreadLocal<java.util.ArrayDeque<String>> ERRORS =
            ThreadLocal.withInitial(java.util.ArrayDeque::new);

    LlamaLogBridge() {
        this(System.getProperty("configspec.llama.log"), System.getenv("CONFIGSPEC_DEBUG") != null);
    }

    /** {@code configured}: a JUL level name or null; {@code debug}: CONFIGSPEC_DEBUG is set. */
    LlamaLogBridge(String configured, boolean debug) {
        Level level = debug ? Level.WARNING : Level.OFF;
        if (configured != null && !configured.isBlank()) {
            try {
                level = Level.parse(configured.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                level = Level.WARNING;
            }
        }
        LOG.setLevel(level);
    }

    @Override
    public void invoke(int level, Pointer text, Pointer userData) {
        try {
            String s = text == null ? "" : new String(text.getByteArray(0, strlen(text)), StandardCharsets.UTF_8);
            int[] last = lastLevel.get();
            if (level != 5) {
                last[0] = level;
            }
            StringBuilder sb = buffer.get();
            sb.append(s);
            int nl;
            while ((nl = sb.indexOf("\n")) >= 0) {
                String line = sb.substring(0, nl);
                sb.delete(0, nl + 1);
                if (!line.isBlank()) {
                    publish(last[0], line);
                }
            }
        } catch (RuntimeException e) {
            // never let an exception unwind into native code
        }
    }

    private static int strlen(Pointer p) {
        int n = 0;
        while (p.getByte(n) != 0) {
            n++;
        }
        return n;
    }

    /** llama.cpp's error lines logged on this thread since the last call (at most the last 8), oldest first. */
    static java.util.List<String> takeErrors() {
        java.util.ArrayDeque<String> q = ERRORS.get();
        java.util.List<String> out = java.util.List.copyOf(q);
        q.clear();
        return out;
    }

    private static void publish(int level, String line) {
        Level jul = toJul(level);
        if (jul == Level.SEVERE) {
            java.util.ArrayDeque<String> q = ERRORS.get();
            if (q.size() == KEPT_ERRORS) {
                q.removeFirst();
            }
            q.addLast(line.strip());
        }
        if (jul == Level.WARNING && isBenign(line)) {
            jul = Level.INFO;
        }
        if (LOG.isLoggable(jul)) {
            LOG.log(jul, line);
        }
    }

    static boolean isBenign(String line) {
        return (line.contains("n_ctx_seq") && line.contains("n_ctx_train"))
                || line.contains("fallback") || line.contains("not divisible by");
    }

    private static Level toJul(int level) {
        switch (level) {
            case 1: return Level.FINE;
            case 2: return Level.INFO;
            case 3: return Level.WARNING;
            case 4: return Level.SEVERE;
            default: return Level.INFO;
        }
    }
}
