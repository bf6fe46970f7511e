package org.configspec.cli.options;

import org.configspec.llm.cpu.CpuAffinity;
import org.configspec.llm.cpu.CpuSet;
import org.configspec.llm.engine.ContextOptions;
import picocli.CommandLine.Option;

/**
 * {@code --cpus LIST}: the CPUs the commands that decode with llama.cpp pin it to — the thread that calls llama.cpp
 * and llama.cpp's own workers ({@link CpuAffinity}); with it, the default thread count is at most one per CPU.
 */
public final class CpuOption {
    @Option(names = "--cpus", paramLabel = "LIST", description = "run llama.cpp on these CPUs only (Linux): the thread"
            + " that decodes and llama.cpp's workers, e.g. 0 or 0-1,3; at most one llama thread per CPU")
    CpuSet cpus;

    /** The CPUs asked for, refused in one line when this process may not use one of them; null without --cpus. */
    public CpuSet get() {
        return cpus == null ? null : CpuAffinity.system().requireAllowed(cpus, "--cpus");
    }

    /** {@code given} threads, or the default (processors, at most 4), at most the number of CPUs of --cpus. */
    public int threads(Integer given) {
        if (given != null) {
            return given;
        }
        int d = ContextOptions.defaultThreads();
        return cpus == null ? d : Math.min(d, cpus.size());
    }
}
