package org.configspec.llm.binding;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/** {@code struct llama_model_params} of llama.cpp 0.4.0 (80 bytes on 64-bit). Field order is ABI: do not reorder. */
@Structure.FieldOrder({"devices", "tensor_buft_overrides", "n_gpu_layers", "split_mode", "load_mode", "lazy_mode",
        "main_gpu", "tensor_split", "progress_callback", "progress_callback_user_data", "kv_overrides",
        "vocab_only", "check_tensors", "use_extra_bufts", "no_host", "no_alloc", "load_mtp"})
public class LlamaModelParams extends Structure {
    /** Expected native size in bytes. */
    public static final int SIZE = 80;

    public Pointer devices;
    public Pointer tensor_buft_overrides;
    public int n_gpu_layers;
    public int split_mode;
    public int load_mode;
    public int lazy_mode;
    public int main_gpu;
    public Pointer tensor_split;
    public Pointer progress_callback;
    public Pointer progress_callback_user_data;
    public Pointer kv_overrides;
    public byte vocab_only;
    public byte check_tensors;
    public byte use_extra_bufts;
    public byte no_host;
    public byte no_alloc;
    public byte load_mtp;

    /** Passed and returned by value. */
    public static class ByValue extends LlamaModelParams implements Structure.ByValue { }
}
