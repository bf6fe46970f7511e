package org.configspec.llm.cpu;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;

/**
 * A non-empty set of CPU numbers, written as Linux writes it ({@code /proc/self/status} Cpus_allowed_list,
 * {@code taskset -c}): numbers and ranges separated by commas, e.g. {@code 0}, {@code 0-1,3}. CPU numbers run
 * 0..{@value #MAX_CPU}: llama.cpp's CPU mask ({@code ggml_threadpool_params.cpumask}) has 512 entries.
 * Immutable; {@link #toString()} is the canonical list ({@code 3,1,0-1} prints {@code 0-1,3}).
 */
public final class CpuSet {
    /** The highest CPU number a set may hold. */
    public static final int MAX_CPU = 511;
    private static final String ALLOWED = " (allowed: CPU numbers 0.." + MAX_CPU + " and ranges A-B, comma-separated,"
            + " e.g. 0 or 0-1,3)";

    private final BitSet bits;

    private CpuSet(BitSet bits) {
        if (bits.isEmpty()) {
            throw new ConfigSpecException("a CPU set needs at least one CPU" + ALLOWED);
        }
        if (bits.length() - 1 > MAX_CPU) {
            throw new ConfigSpecException("CPU " + (bits.length() - 1) + " is out of range" + ALLOWED);
        }
        this.bits = (BitSet) bits.clone();
    }

    /** The CPUs given. */
    public static CpuSet of(int... cpus) {
        BitSet b = new BitSet();
        for (int c : cpus) {
            if (c < 0 || c > MAX_CPU) {
                throw new ConfigSpecException("CPU " + c + " is out of range" + ALLOWED);
            }
            b.set(c);
        }
        return new CpuSet(b);
    }

    /** Parses a CPU list such as {@code 0}, {@code 0-1,3}; one line naming the bad part and what is allowed. */
    public static CpuSet parse(String text) {
        String v = text == null ? "" : text.trim();
        if (v.isEmpty()) {
            throw new ConfigSpecException("empty CPU list" + ALLOWED);
        }
        BitSet b = new BitSet();
        for (String part : v.split(",", -1)) {
            String p = part.trim();
            int dash = p.indexOf('-', 1);
            int lo = number(p.substring(0, dash < 0 ? p.length() : dash), text);
            int hi = dash < 0 ? lo : number(p.substring(dash + 1), text);
            if (hi < lo) {
                throw new ConfigSpecException("CPU list '" + text + "': range " + p + " runs backwards" + ALLOWED);
            }
            b.set(lo, hi + 1);
        }
        return new CpuSet(b);
    }

    private static int number(String s, String text) {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 4 || !t.chars().allMatch(Character::isDigit)) {
            throw new ConfigSpecException("CPU list '" + text + "': '" + s + "' is not a CPU number" + ALLOWED);
        }
        int n = Integer.parseInt(t);
        if (n > MAX_CPU) {
            throw new ConfigSpecException("CPU list '" + text + "': CPU " + n + " is out of range" + ALLOWED);
        }
        return n;
    }

    /** The set of a Linux {@code cpu_set_t} read as 64-bit words (bit i of word w is CPU 64 w + i). */
    static CpuSet fromMask(long[] words) {
        BitSet b = BitSet.valueOf(words);
        if (b.length() - 1 > MAX_CPU) {
            b.clear(MAX_CPU + 1, b.length());
        }
        return new CpuSet(b);
    }

    /** This set as a Linux {@code cpu_set_t} of {@code words} 64-bit words. */
    long[] toMask(int words) {
        long[] w = new long[words];
        long[] mine = bits.toLongArray();
        System.arraycopy(mine, 0, w, 0, Math.min(words, mine.length));
        return w;
    }

    /** How many CPUs. */
    public int size() {
        return bits.cardinality();
    }

    public boolean contains(int cpu) {
        return cpu >= 0 && bits.get(cpu);
    }

    /** The CPU numbers in increasing order. */
    public List<Integer> cpus() {
        List<Integer> out = new ArrayList<>(size());
        bits.stream().forEach(out::add);
        return out;
    }

    /** The CPUs of this set that {@code other} lacks, or null when it has them all. */
    public CpuSet minus(CpuSet other) {
        BitSet b = (BitSet) bits.clone();
        b.andNot(other.bits);
        return b.isEmpty() ? null : new CpuSet(b);
    }

    /** The lowest CPU alone. */
    public CpuSet first() {
        return of(bits.nextSetBit(0));
    }

    /** "CPU 0" or "CPUs 0-1,3". */
    public String describe() {
        return (size() == 1 ? "CPU " : "CPUs ") + this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuSet c && c.bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int lo = bits.nextSetBit(0); lo >= 0; ) {
            int hi = bits.nextClearBit(lo) - 1;
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(lo);
            if (hi > lo) {
                s.append('-').append(hi);
            }
            lo = bits.nextSetBit(hi + 1);
        }
        return s.toString();
    }
}
