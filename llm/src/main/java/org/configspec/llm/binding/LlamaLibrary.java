package org.configspec.llm.binding;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * JNA mapping of the subset of llama.cpp's C API (llama.h of llama.cpp 0.4.0, commit 80fb11a) that ConfigSpec uses,
 * plus three ggml backend-registry functions (resolved through libllama's dependencies).
 * Opaque handles are {@link Pointer}s; C {@code bool} returns are {@code byte}; structs passed or returned by value
 * are declared with their {@code ByValue} subclass. Not for direct use outside {@code org.configspec.llm}: go through
 * {@link org.configspec.llm.engine.LlamaRuntime}.
 */
public interface LlamaLibrary extends Library {

    /** Every function ConfigSpec calls; a library lacking one of them is refused before first use. */
    String[] REQUIRED_SYMBOLS = {
        "llama_version", "llama_backend_init", "llama_backend_free", "llama_log_set",
        "llama_model_default_params", "llama_context_default_params", "llama_model_quantize_default_params",
        "llama_model_load_from_file", "llama_model_free", "llama_init_from_model", "llama_free",
        "llama_model_get_vocab", "llama_vocab_n_tokens", "llama_vocab_bos", "llama_vocab_eos", "llama_tokenize",
        "llama_token_to_piece", "llama_batch_init", "llama_batch_free", "llama_decode", "llama_get_logits_ith",
        "llama_get_memory", "llama_memory_clear", "llama_memory_seq_rm", "llama_memory_seq_pos_max",
        "llama_model_quantize", "llama_n_ctx", "llama_n_ctx_seq", "llama_set_n_threads", "llama_model_n_params",
        "llama_model_n_ctx_train", "llama_model_desc", "llama_print_system_info",
        "ggml_backend_load_all_from_path", "ggml_backend_reg_count", "ggml_backend_dev_count",
        "ggml_backend_dev_by_type", "ggml_backend_dev_backend_reg", "ggml_backend_reg_get_proc_address",
        "ggml_threadpool_params_init", "llama_attach_threadpool", "llama_detach_threadpool"
    };

    /** {@code sizeof(struct ggml_threadpool_params)}: bool cpumask[512], int n_threads, prio, uint poll, 2 bools. */
    int THREADPOOL_PARAMS_SIZE = 528;
    /** Offset of {@code bool paused} in {@code struct ggml_threadpool_params} (after cpumask, n_threads, prio, poll, strict_cpu). */
    int THREADPOOL_PARAMS_PAUSED = 525;

    /** {@code typedef void (*ggml_log_callback)(enum ggml_log_level level, const char * text, void * user_data)}. */
    interface LogCallback extends Callback {
        void invoke(int level, Pointer text, Pointer userData);
    }

    String llama_version();
    void llama_backend_init();
    void llama_backend_free();
    void llama_log_set(LogCallback callback, Pointer userData);
    String llama_print_system_info();

    void ggml_backend_load_all_from_path(String dirPath);
    long ggml_backend_reg_count();
    long ggml_backend_dev_count();
    Pointer ggml_backend_dev_by_type(int type);
    Pointer ggml_backend_dev_backend_reg(Pointer device);
    Pointer ggml_backend_reg_get_proc_address(Pointer reg, String name);
    void ggml_threadpool_params_init(Pointer params, int nThreads);
    void llama_attach_threadpool(Pointer ctx, Pointer threadpool, Pointer threadpoolBatch);
    void llama_detach_threadpool(Pointer ctx);

    LlamaModelParams.ByValue llama_model_default_params();
    LlamaContextParams.ByValue llama_context_default_params();
    LlamaQuantizeParams.ByValue llama_model_quantize_default_params();

    Pointer llama_model_load_from_file(String pathModel, LlamaModelParams.ByValue params);
    void llama_model_free(Pointer model);
    Pointer llama_init_from_model(Pointer model, LlamaContextParams.ByValue params);
    void llama_free(Pointer ctx);

    long llama_model_n_params(Pointer model);
    int llama_model_n_ctx_train(Pointer model);
    int llama_model_desc(Pointer model, byte[] buf, long bufSize);

    Pointer llama_model_get_vocab(Pointer model);
    int llama_vocab_n_tokens(Pointer vocab);
    int llama_vocab_bos(Pointer vocab);
    int llama_vocab_eos(Pointer vocab);
    int llama_tokenize(Pointer vocab, byte[] text, int textLen, int[] tokens, int nTokensMax,
                       boolean addSpecial, boolean parseSpecial);
    int llama_token_to_piece(Pointer vocab, int token, byte[] buf, int length, int lstrip, boolean special);

    LlamaBatch.ByValue llama_batch_init(int nTokens, int embd, int nSeqMax);
    void llama_batch_free(LlamaBatch.ByValue batch);
    int llama_decode(Pointer ctx, LlamaBatch.ByValue batch);
    Pointer llama_get_logits_ith(Pointer ctx, int i);

    Pointer llama_get_memory(Pointer ctx);
    void llama_memory_clear(Pointer mem, boolean data);
    byte llama_memory_seq_rm(Pointer mem, int seqId, int p0, int p1);
    int llama_memory_seq_pos_max(Pointer mem, int seqId);

    int llama_model_quantize(String fnameInp, String fnameOut, LlamaQuantizeParams params);

    int llama_n_ctx(Pointer ctx);
    int llama_n_ctx_seq(Pointer ctx);
    void llama_set_n_threads(Pointer ctx, int nThreads, int nThreadsBatch);
}
