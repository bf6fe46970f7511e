package org.configspec.llm.engine;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.configspec.llm.LlmException;
import org.configspec.llm.binding.LlamaBatch;
import org.configspec.llm.binding.LlamaContextParams;
import org.configspec.llm.binding.LlamaLibrary;
import org.configspec.llm.binding.LlamaModelParams;
import org.configspec.llm.binding.LlamaQuantizeParams;

/**
 * The loaded llama.cpp library: located by {@link LibraryLocator}, checked before use (required symbols, API version,
 * struct sizes, default parameter values read through our struct layouts), with its log routed to
 * {@code java.util.logging} and its CPU backends loaded. One per JVM ({@link #get()}); initialisation is
 * synchronized and a failure is remembered and rethrown with the same one-line message.
 * Thread-safety: the instance is immutable after construction; the library's own thread rules apply to the handles.
 */
public final class LlamaRuntime {
    /** API versions this binding was written for (llama.cpp 0.4.0, as shipped by node-llama-cpp 3.21.1). */
    public static final String SUPPORTED_VERSION_PREFIX = "0.4.0";

    private static LlamaRuntime instance;
    private static LlmException failure;
    // strong reference: the native side keeps only a function pointer
    private static final LlamaLogBridge LOG_BRIDGE = new LlamaLogBridge();

    private final LlamaLibrary lib;
    private final Path libraryFile;
    private final String version;

    private LlamaRuntime(LlamaLibrary lib, Path libraryFile, String version) {
        this.lib = lib;
        this.libraryFile = libraryFile;
        this.version = version;
    }

    /** The process-wide runtime, loading it on first use. */
    public static synchronized LlamaRuntime get() {
        if (instance != null) {
            return instance;
        }
        if (failure != null) {
            throw new LlmException(failure.getMessage(), failure);
        }
        try {
            instance = load(LibraryLocator.locate());
            return instance;
        } catch (LlmException e) {
            failure = e;
            throw e;
        }
    }

    /**
     * Loads and checks the library at {@code libraryFile}; refuses (with a one-line {@link LlmException}) a file that
     * is not a loadable library, lacks a required symbol, reports another API version, or whose default parameters
     * do not read back as expected through our struct layouts. Exposed for tests and diagnostics; use {@link #get()}.
     */
    public static LlamaRuntime load(Path libraryFile) {
        Path file = libraryFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new LlmException("llama.cpp library " + file + " does not exist");
        }
        checkJavaLayouts();
        NativeLibrary nl;
        try {
            nl = NativeLibrary.getInstance(file.toString());
        } catch (UnsatisfiedLinkError e) {
            throw new LlmException("cannot load llama.cpp library " + file + ": " + oneLine(e.getMessage()), e);
        }
        List<String> missing = new ArrayList<>();
        for (String sym : LlamaLibrary.REQUIRED_SYMBOLS) {
            try {
                nl.getFunction(sym);
            } catch (UnsatisfiedLinkError e) {
                missing.add(sym);
            }
        }
        if (!missing.isEmpty()) {
            throw new LlmException("refusing llama.cpp library " + file + ": not the llama.cpp C API ConfigSpec was "
                    + "built for (" + SUPPORTED_VERSION_PREFIX + "); missing " + missing.size() + " symbol(s), e.g. "
                    + String.join(", ", missing.subList(0, Math.min(3, missing.size()))));
        }
        LlamaLibrary lib = Native.load(file.toString(), LlamaLibrary.class);
        String version = lib.llama_version();
        if (version == null || !version.startsWith(SUPPORTED_VERSION_PREFIX)) {
            throw new LlmException("refusing llama.cpp library " + file + ": llama_version() = '" + version
                    + "', ConfigSpec was built for " + SUPPORTED_VERSION_PREFIX + "*");
        }
        checkDefaults(lib, file);
        lib.llama_log_set(LOG_BRIDGE, null);
        if (lib.ggml_backend_reg_count() == 0) {
            lib.ggml_backend_load_all_from_path(file.getParent().toString());
        }
        lib.llama_backend_init();
        if (lib.ggml_backend_dev_count() == 0) {
            throw new LlmException("llama.cpp library " + file + " loaded, but no compute backend could be loaded from "
                    + file.getParent() + " (expected libggml-cpu-*.so for this CPU)");
        }
        return new LlamaRuntime(lib, file, version);
    }

    private static void checkJavaLayouts() {
        int[][] sizes = {
            {new LlamaModelParams().size(), LlamaModelParams.SIZE},
            {new LlamaContextParams().size(), LlamaContextParams.SIZE},
            {new LlamaQuantizeParams().size(), LlamaQuantizeParams.SIZE},
            {new LlamaBatch().size(), LlamaBatch.SIZE},
        };
        for (int[] s : sizes) {
            if (s[0] != s[1]) {
                throw new LlmException("llama.cpp struct layout mismatch on this platform (" + System.getProperty("os.arch")
                        + "): Java struct is " + s[0] + " bytes, llama.cpp 0.4.0 expects " + s[1]);
            }
        }
    }

    /** Reads the library's default parameters through our layouts: a changed ABI shows up as implausible values. */
    private static void checkDefaults(LlamaLibrary lib, Path file) {
        LlamaContextParams c = lib.llama_context_default_params();
        LlamaModelParams m = lib.llama_model_default_params();
        LlamaQuantizeParams q = lib.llama_model_quantize_default_params();
        boolean ok = c.n_ctx == 512 && c.n_batch == 2048 && c.n_ubatch == 512 && c.n_seq_max == 1
                && c.type_k == 1 && c.type_v == 1 && c.flash_attn_type == -1
                && m.vocab_only == 0 && m.use_extra_bufts == 1 && m.load_mode == -1
                && q.ftype == 7 && q.quantize_output_tensor == 1;
        if (!ok) {
            throw new LlmException("refusing llama.cpp library " + file + ": its default parameters do not match the "
                    + "struct layouts of llama.cpp " + SUPPORTED_VERSION_PREFIX + " (context n_ctx=" + c.n_ctx
                    + " n_batch=" + c.n_batch + " type_k=" + c.type_k + ", quantize ftype=" + q.ftype + ")");
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').trim();
    }

    /** The raw binding; callers must follow llama.cpp's threading rules. */
    public LlamaLibrary lib() {
        return lib;
    }

    /** The loaded library file. */
    public Path libraryFile() {
        return libraryFile;
    }

    /** {@code llama_version()}, e.g. {@code 0.4.0-dev}. */
    public String version() {
        return version;
    }

    /** One line for reports: version and path. */
    public String describe() {
        return "llama.cpp " + version + " (" + libraryFile + ")";
    }
}
