package org.configspec.profile.draft;

import org.configspec.core.error.ConfigSpecException;

/**
 * Memory, in bytes; 0 where unknown. The resident-set figures are <b>process-wide</b> (read from
 * {@code /proc/self/status}: the JVM heap, the llama.cpp library and every other model the process holds count too),
 * so compare {@link #rssAfterLoadBytes()} − {@link #rssBeforeLoadBytes()} for what loading this model added.
 *
 * @param modelFileBytes     size of the GGUF file (llama-bench imports: its {@code model_size}, tensor bytes)
 * @param rssBeforeLoadBytes VmRSS just before the model was loaded
 * @param rssAfterLoadBytes  VmRSS just after the model was loaded
 * @param peakRssBytes       VmHWM (peak resident set of the process so far) after the measurement
 */
public record MemoryUse(long modelFileBytes, long rssBeforeLoadBytes, long rssAfterLoadBytes, long peakRssBytes) {
    public MemoryUse {
        if (modelFileBytes < 0 || rssBeforeLoadBytes < 0 || rssAfterLoadBytes < 0 || peakRssBytes < 0) {
            throw new ConfigSpecException("memory figures must be >= 0 bytes, got model " + modelFileBytes
                    + ", rss before " + rssBeforeLoadBytes + ", after " + rssAfterLoadBytes + ", peak " + peakRssBytes);
        }
    }

    /** Bytes VmRSS grew by across the load, or 0 when unknown. */
    public long loadDeltaBytes() {
        return rssBeforeLoadBytes > 0 && rssAfterLoadBytes > 0 ? rssAfterLoadBytes - rssBeforeLoadBytes : 0;
    }
}
