package org.configspec.llm.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.configspec.llm.LlmException;
import org.configspec.llm.binding.LlamaQuantizeParams;
import org.configspec.llm.engine.LlamaRuntime;
import org.configspec.llm.gguf.GgufReader;

/**
 * Quantises a GGUF through llama.cpp's {@code llama_model_quantize}. The input is validated in Java first; the output
 * is written to a temporary file and renamed on success. Tensors whose rows are not a multiple of a K-quant block
 * fall back to a legacy type (llama.cpp's choice).
 */
public final class Quantizer {
    private Quantizer() { }

    public static void quantize(Path in, Path out, QuantType type, int threads) {
        GgufReader.read(in);
        LlamaRuntime rt = LlamaRuntime.get();
        LlamaQuantizeParams p = rt.lib().llama_model_quantize_default_params();
        p.nthread = threads;
        p.ftype = type.ftype;
        Path tmp = out.resolveSibling(out.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            int rc = rt.lib().llama_model_quantize(in.toAbsolutePath().toString(), tmp.toAbsolutePath().toString(), p);
            if (rc != 0) {
                throw new LlmException("llama_model_quantize failed (rc=" + rc + ") for " + in + " -> " + type
                        + "; set CONFIGSPEC_DEBUG=1 to see llama.cpp's log");
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LlmException("cannot write quantised model " + out + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
