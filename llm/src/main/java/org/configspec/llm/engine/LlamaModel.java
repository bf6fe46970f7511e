package org.configspec.llm.engine;

import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.configspec.llm.LlmException;
import org.configspec.llm.binding.LlamaLibrary;
import org.configspec.llm.binding.LlamaModelParams;
import org.configspec.llm.gguf.GgufFile;
import org.configspec.llm.model.ModelInfo;
import org.configspec.llm.model.ModelInspector;

/**
 * A GGUF model loaded by llama.cpp (weights on the CPU). The file is validated in Java before llama.cpp sees it.
 * <p>Thread-safety: loading and closing are synchronized; the {@link Tokenizer} methods are thread-safe (llama.cpp
 * documents tokenization as thread-safe); {@link #newSession} may be called from any thread, and each session is
 * confined to one thread at a time. {@link #close()} closes the model's open sessions first, then frees the model; it
 * is idempotent. Use after close throws {@link IllegalStateException}.
 */
public final class LlamaModel implements Tokenizer, AutoCloseable {
    private final LlamaLibrary lib;
    private final Path path;
    private final GgufFile gguf;
    private final Pointer vocab;
    private final int vocabSize;
    private final int bos;
    private final int eos;
    private final int trainContext;
    private final Set<LlamaSession> sessions = new LinkedHashSet<>();
    private volatile Pointer model;
    private ModelInfo info;

    private LlamaModel(LlamaLibrary lib, Path path, GgufFile gguf, Pointer model) {
        this.lib = lib;
        this.path = path;
        this.gguf = gguf;
        this.model = model;
        this.vocab = lib.llama_model_get_vocab(model);
        this.vocabSize = lib.llama_vocab_n_tokens(vocab);
        this.bos = lib.llama_vocab_bos(vocab);
        this.eos = lib.llama_vocab_eos(vocab);
        this.trainContext = lib.llama_model_n_ctx_train(model);
    }

    /** Validates the GGUF in Java, then loads it through llama.cpp; one-line {@link LlmException} on failure. */
    public static LlamaModel load(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        GgufFile f = ModelInspector.validate(abs);
        LlamaRuntime rt = LlamaRuntime.get();
        LlamaLibrary lib = rt.lib();
        LlamaModelParams.ByValue p = lib.llama_model_default_params();
        p.n_gpu_layers = 0;
        LlamaLogBridge.takeErrors();
        Pointer m = lib.llama_model_load_from_file(abs.toString(), p);
        if (m == null) {
            throw new LlmException("llama.cpp could not load model " + abs + " (architecture "
                    + f.architecture().orElse("?") + "): " + reason(LlamaLogBridge.takeErrors()));
        }
        return new LlamaModel(lib, abs, f, m);
    }

    /** llama.cpp's own reason from its error log ("error loading model: missing tensor ..."), else a pointer to it. */
    private static String reason(List<String> errors) {
        for (String e : errors) {
            int at = e.indexOf("error loading model:");
            if (at >= 0) {
                return e.substring(at + "error loading model:".length()).strip();
            }
        }
        return errors.isEmpty() ? "set CONFIGSPEC_DEBUG=1 to see llama.cpp's log" : errors.get(0);
    }

    public Path path() {
        return path;
    }

    public GgufFile gguf() {
        return gguf;
    }

    /** Metadata including sha256 (computed on first call). */
    public synchronized ModelInfo info() {
        if (info == null) {
            info = ModelInspector.inspect(path);
        }
        return info;
    }

    /** llama.cpp's parameter count. */
    public long nativeParameterCount() {
        return lib.llama_model_n_params(handle());
    }

    /** llama.cpp's one-line description, e.g. {@code llama ?B all F32}. */
    public String description() {
        byte[] buf = new byte[256];
        int n = lib.llama_model_desc(handle(), buf, buf.length);
        return new String(buf, 0, Math.max(0, Math.min(n, buf.length - 1)), java.nio.charset.StandardCharsets.UTF_8);
    }

    public int trainContextLength() {
        return trainContext;
    }

    /** Opens an inference session (a llama.cpp context) on this model. */
    public LlamaSession newSession(ContextOptions options) {
        synchronized (sessions) {
            LlamaSession s = new LlamaSession(this, lib, handle(), options);
            sessions.add(s);
            return s;
        }
    }

    void sessionClosed(LlamaSession s) {
        synchronized (sessions) {
            sessions.remove(s);
        }
    }

    Pointer handle() {
        Pointer m = model;
        if (m == null) {
            throw new IllegalStateException("model " + path + " is closed");
        }
        return m;
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }

    @Override
    public int bos() {
        return bos;
    }

    @Override
    public int eos() {
        return eos;
    }

    @Override
    public int[] tokenize(byte[] utf8, boolean addBos) {
        handle();
        int[] out = new int[utf8.length + 2];
        int n = lib.llama_tokenize(vocab, utf8, utf8.length, out, out.length, addBos, false);
        if (n < 0) {
            out = new int[-n];
            n = lib.llama_tokenize(vocab, utf8, utf8.length, out, out.length, addBos, false);
        }
        if (n < 0) {
            throw new LlmException("tokenization failed for " + utf8.length + " bytes of text (rc=" + n + ")");
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public byte[] piece(int token) {
        handle();
        if (token < 0 || token >= vocabSize) {
            throw new IllegalArgumentException("token " + token + " out of range 0.." + (vocabSize - 1));
        }
        byte[] buf = new byte[64];
        int n = lib.llama_token_to_piece(vocab, token, buf, buf.length, 0, false);
        if (n < 0) {
            buf = new byte[-n];
            n = lib.llama_token_to_piece(vocab, token, buf, buf.length, 0, false);
        }
        return Arrays.copyOf(buf, Math.max(0, n));
    }

    @Override
    public void close() {
        List<LlamaSession> open;
        synchronized (sessions) {
            open = new ArrayList<>(sessions);
        }
        for (LlamaSession s : open) {
            s.close();
        }
        synchronized (this) {
            Pointer m = model;
            model = null;
            if (m != null) {
                lib.llama_model_free(m);
            }
        }
    }

    @Override
    public String toString() {
        return "LlamaModel[" + path + "]";
    }
}
