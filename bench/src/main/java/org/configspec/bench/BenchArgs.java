package org.configspec.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.configspec.llm.cpu.CpuAffinity;
import org.configspec.llm.cpu.CpuSplit;

/** The {@code key=value} arguments of the benchmark mains ({@link ServeBench}, {@link LoadBench}). */
final class BenchArgs {
    private BenchArgs() {
    }

    static Map<String, String> parse(String[] argv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : argv) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("argument '" + s + "': expected key=value (see the class javadoc)");
            }
            m.put(s.substring(0, eq), s.substring(eq + 1));
        }
        return m;
    }

    static int integer(Map<String, String> args, String key, int otherwise) {
        String v = args.get(key);
        return v == null ? otherwise : Integer.parseInt(v.trim());
    }

    static List<Integer> ints(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            out.add(Integer.parseInt(s.trim()));
        }
        return out;
    }

    /**
     * {@code pin=1|0} (default: pin when this process may use more CPUs than the verifier's threads): the verifier's
     * decoding on its own CPU(s), everything else on the others; null when not pinned.
     */
    static CpuSplit pinning(Map<String, String> args, int verifierThreads) {
        String v = args.get("pin");
        Boolean asked = v == null ? null : switch (v.trim()) {
            case "1" -> Boolean.TRUE;
            case "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("pin=" + v + ": allowed 1 (pin) or 0 (do not pin)");
        };
        return CpuSplit.choose(asked, verifierThreads, CpuAffinity.system(), "pin=1");
    }
}
