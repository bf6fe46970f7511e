package org.configspec.llm.binding;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/** {@code struct llama_batch} of llama.cpp 0.4.0 (56 bytes on 64-bit). Field order is ABI: do not reorder. */
@Structure.FieldOrder({"n_tokens", "token", "embd", "pos", "n_seq_id", "seq_id", "logits"})
public class LlamaBatch extends Structure {
    /** Expected native size in bytes. */
    public static final int SIZE = 56;

    public int n_tokens;
    public Pointer token;
    public Pointer embd;
    public Pointer pos;
    public Pointer n_seq_id;
    public Pointer seq_id;
    public Pointer logits;

    /** Passed and returned by value. */
    public static class ByValue extends LlamaBatch implements Structure.ByValue { }
}
