package org.configspec.profile.draft;

import org.configspec.core.error.Check;

/**
 * Where and with what a measurement ran.
 *
 * @param cpuModel       CPU model ({@code /proc/cpuinfo} "model name", or llama-bench's {@code cpu_info})
 * @param runtime        the inference runtime, e.g. {@code llama.cpp 0.4.0} or {@code llama-bench 80fb11a (build 1)}
 * @param runtimeLibrary path of the native library used (empty for imports)
 * @param tool           the tool that produced the numbers, e.g. {@code configspec profile draft} or {@code llama-bench}
 */
public record HostInfo(String cpuModel, String runtime, String runtimeLibrary, String tool) {
    public HostInfo {
        cpuModel = cpuModel == null || cpuModel.isBlank() ? "unknown" : cpuModel.trim();
        Check.name("runtime", runtime);
        runtimeLibrary = runtimeLibrary == null ? "" : runtimeLibrary;
        Check.name("tool", tool);
    }
}
