package org.configspec.llm.engine;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.configspec.llm.binding.LlamaLibrary;

/**
 * A persistent ggml CPU threadpool attached to a context, as llama-bench and llama-cli do: without one, ggml starts
 * and joins its worker threads on every graph computation, which costs a noticeable share of a single-token decode
 * of a small model. The functions come from the CPU backend through {@code ggml_backend_reg_get_proc_address} (the
 * prebuilt libraries load the CPU backend dynamically). Owned and freed by one {@link LlamaSession}.
 */
final class CpuThreadpool implements AutoCloseable {
    private final Pointer handle;
    private final Function free;

    private CpuThreadpool(Pointer handle, Function free) {
        this.handle = handle;
        this.free = free;
    }

    /** A threadpool of {@code threads} workers, or null when the CPU backend does not offer one. */
    static CpuThreadpool create(LlamaLibrary lib, int threads) {
        Pointer dev = lib.ggml_backend_dev_by_type(0); // GGML_BACKEND_DEVICE_TYPE_CPU
        if (dev == null) {
            return null;
        }
        Pointer reg = lib.ggml_backend_dev_backend_reg(dev);
        Pointer newFn = reg == null ? null : lib.ggml_backend_reg_get_proc_address(reg, "ggml_threadpool_new");
        Pointer freeFn = reg == null ? null : lib.ggml_backend_reg_get_proc_address(reg, "ggml_threadpool_free");
        if (newFn == null || freeFn == null) {
            return null;
        }
        Memory params = new Memory(LlamaLibrary.THREADPOOL_PARAMS_SIZE);
        params.clear();
        lib.ggml_threadpool_params_init(params, threads);
        Pointer tp = Function.getFunction(newFn).invokePointer(new Object[] {params});
        return tp == null ? null : new CpuThreadpool(tp, Function.getFunction(freeFn));
    }

    Pointer handle() {
        return handle;
    }

    @Override
    public void close() {
        free.invokeVoid(new Object[] {handle});
    }
}
