package org.configspec.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.configspec.llm.cpu.CpuSet;

/**
 * What Linux says about this JVM's threads, read from {@code /proc} (independently of the code under test): each
 * thread's id and name ({@code comm}: the first 15 characters of a Java thread's name; a native thread inherits the
 * name of the thread that started it) and the CPUs it may run on ({@code Cpus_allowed_list}).
 */
public final class ThreadCpus {
    private ThreadCpus() {
    }

    /** The calling thread's id ({@code /proc/thread-self} is {@code PID/task/TID}). */
    public static String selfTid() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every live thread of this process: id to name. */
    public static Map<String, String> threads() {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    out.put(t.getFileName().toString(), Files.readString(t.resolve("comm")).strip());
                } catch (NoSuchFileException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The CPUs thread {@code tid} may run on. */
    public static CpuSet allowed(String tid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/task", tid, "status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return CpuSet.parse(line.substring(line.indexOf(':') + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no Cpus_allowed_list in /proc/self/task/" + tid + "/status");
    }

    /** The CPU thread {@code tid} last ran on (field 39 of its stat). */
    public static int lastCpu(String tid) {
        try {
            String stat = Files.readString(Path.of("/proc/self/task", tid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(f[39 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
