package org.configspec.profile.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Total memory of this machine from /proc/meminfo (MemTotal), 0 where unknown. */
public final class HostMemory {
    private HostMemory() {
    }

    public static long totalBytes(Path meminfo) {
        try {
            for (String line : Files.readAllLines(meminfo)) {
                if (line.startsWith("MemTotal:")) {
                    String[] parts = line.substring(9).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024L;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    public static long totalBytes() {
        return totalBytes(Path.of("/proc/meminfo"));
    }
}
