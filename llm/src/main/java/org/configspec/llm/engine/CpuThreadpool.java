package org.configspec.llm.engine;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.configspec.llm.binding.LlamaLibrary;
import org.configspec.llm.cpu.CpuSet;

/**
 * A persistent ggml CPU threadpool attached to a context, as llama-bench and llama-cli do: without one, ggml starts
 * and joins its worker threads on every graph computation, which costs a noticeable share of a single-token decode
 * of a small model. The functions come from the CPU backend through {@code ggml_backend_reg_get_proc_address} (the
 * prebuilt libraries load the CPU backend dynamically). Owned and freed by one {@link LlamaSession}.
 * <p>Where llama.cpp computes (observed through {@code /proc/self/task/*}/stat while decoding): with one thread, on the
 * thread that calls {@code llama_decode} only; with N threads, on that thread (ggml's worker 0) and N − 1 workers. The
 * prebuilt libraries (pthreads) start those workers here, on the thread that creates the pool; a build with OpenMP (the
 * native build of scripts/build-llama-native) starts them in OpenMP's own pool on the first decode, from the decoding
 * thread. Pinned to CPUs, the pool carries them as its mask: each pthread worker applies it to itself when it starts,
 * each OpenMP thread at every decode; and the pool starts paused, so that ggml applies the mask to the first thread
 * that decodes (when it resumes the pool) instead of to the thread that creates it.
 */
final class CpuThreadpool implements AutoCloseable {
    private final Pointer handle;
    private final Function free;

    private CpuThreadpool(Pointer handle, Function free) {
        this.handle = handle;
        this.free = free;
    }

    /**
     * A threadpool of {@code threads} workers, pinned to {@code cpus} when not null, or null when the CPU backend does
     * not offer one.
     */
    static CpuThreadpool create(LlamaLibrary lib, int threads, CpuSet cpus) {
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
        if (cpus != null) {
            for (int cpu : cpus.cpus()) {
                params.setByte(cpu, (byte) 1); // bool cpumask[512] at offset 0
            }
            params.setByte(LlamaLibrary.THREADPOOL_PARAMS_PAUSED, (byte) 1);
        }
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
