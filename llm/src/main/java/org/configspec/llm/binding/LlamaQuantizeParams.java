package org.configspec.llm.binding;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/** {@code llama_model_quantize_params} of llama.cpp 0.4.0 (64 bytes on 64-bit). Field order is ABI: do not reorder. */
@Structure.FieldOrder({"nthread", "ftype", "output_tensor_type", "token_embedding_type", "allow_requantize",
        "quantize_output_tensor", "only_copy", "pure", "keep_split", "dry_run", "imatrix", "kv_overrides",
        "tt_overrides", "prune_layers", "max_buf_size"})
public class LlamaQuantizeParams extends Structure {
    /** Expected native size in bytes. */
    public static final int SIZE = 64;

    public int nthread;
    public int ftype;
    public int output_tensor_type;
    public int token_embedding_type;
    public byte allow_requantize;
    public byte quantize_output_tensor;
    public byte only_copy;
    public byte pure;
    public byte keep_split;
    public byte dry_run;
    public Pointer imatrix;
    public Pointer kv_overrides;
    public Pointer tt_overrides;
    public Pointer prune_layers;
    public long max_buf_size;

    /** Returned by value from {@code llama_model_quantize_default_params}. */
    public static class ByValue extends LlamaQuantizeParams implements Structure.ByValue { }
}
