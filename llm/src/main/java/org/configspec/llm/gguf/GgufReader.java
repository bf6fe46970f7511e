package org.configspec.llm.gguf;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates the header of a GGUF v2/v3 file in pure Java: magic, version, every metadata value, the tensor
 * directory (known types, 1..4 positive dims, block-size multiples, aligned non-overlapping offsets) and that every
 * tensor's data lies inside the file. A defect gives a one-line {@link GgufException} naming the file, the offset and
 * the value; nothing is handed to native code before this passes. Stateless and thread-safe.
 */
public final class GgufReader {
    public static final int MAGIC = 0x46554747; // "GGUF" little-endian
    private static final long MAX_STRING = 1L << 24;
    private static final long MAX_COUNT = 1L << 28;
    private static final long MAX_ALIGNMENT = 1L << 30;

    private GgufReader() { }

    public static GgufFile read(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return new Parser(path, ch).parse();
        } catch (NoSuchFileException e) {
            throw new GgufException("model file " + path + " does not exist");
        } catch (IOException e) {
            throw new GgufException("cannot read model file " + path + ": " + e.getMessage(), e);
        }
    }

    private static final class Parser {
        private final Path path;
        private final FileChannel ch;
        private final long size;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        private long bufStart;

        Parser(Path path, FileChannel ch) throws IOException {
            this.path = path;
            this.ch = ch;
            this.size = ch.size();
            buf.limit(0);
        }

        private GgufException bad(String what) {
            return new GgufException("invalid GGUF file " + path + ": " + what);
        }

        private long pos() {
            return bufStart + buf.position();
        }

        private void need(int n) throws IOException {
            if (buf.remaining() >= n) {
                return;
            }
            long p = pos();
            if (p + n > size) {
                throw new EOFException();
            }
            buf.compact();
            while (buf.position() < n) {
                if (ch.read(buf, p + buf.position()) < 0) {
                    throw new EOFException();
                }
            }
            buf.flip();
            bufStart = p;
        }

        GgufFile parse() throws IOException {
            try {
                return parseUnchecked();
            } catch (EOFException e) {
                throw bad("truncated at byte " + pos() + " of " + size + " (header or metadata incomplete)");
            }
        }

        private GgufFile parseUnchecked() throws IOException {
            if (size < 24) {
                throw bad("file is " + size + " bytes, too small for a GGUF header (24 bytes)");
            }
            need(4);
            int magic = buf.getInt();
            if (magic != MAGIC) {
                throw bad("not a GGUF file (magic 0x" + Integer.toHexString(magic) + ", expected 'GGUF')");
            }
            need(4);
            int version = buf.getInt();
            if (version != 2 && version != 3) {
                throw bad("GGUF version " + version + " is not supported (supported: 2, 3)");
            }
            long nTensors = u64("tensor count");
            long nKv = u64("metadata count");
            Map<String, GgufValue> kv = new LinkedHashMap<>();
            for (long i = 0; i < nKv; i++) {
                long at = pos();
                String key = string("metadata key " + i);
                need(4);
                int typeId = buf.getInt();
                GgufValueType type = GgufValueType.byId(typeId);
                if (type == null) {
                    throw bad("metadata '" + key + "' at byte " + at + " has unknown value type " + typeId);
                }
                if (kv.containsKey(key)) {
                    throw bad("duplicate metadata key '" + key + "'");
                }
                kv.put(key, value(key, type));
            }
            List<GgufTensorInfo> tensors = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (long i = 0; i < nTensors; i++) {
                String name = string("tensor name " + i);
                need(4);
                int nDims = buf.getInt();
                if (nDims < 1 || nDims > 4) {
                    throw bad("tensor '" + name + "' has " + nDims + " dimensions (allowed 1..4)");
                }
                long[] dims = new long[nDims];
                for (int d = 0; d < nDims; d++) {
                    dims[d] = u64("dimension of tensor '" + name + "'");
                    if (dims[d] <= 0) {
                        throw bad("tensor '" + name + "' has dimension " + dims[d] + " (must be positive)");
                    }
                }
                need(4);
                int typeId = buf.getInt();
                GgmlType type = GgmlType.byId(typeId);
                if (type == null) {
                    throw bad("tensor '" + name + "' has unknown ggml type " + typeId);
                }
                long offset = u64("offset of tensor '" + name + "'");
                if (dims[0] % type.blockSize != 0) {
                    throw bad("tensor '" + name + "' row length " + dims[0] + " is not a multiple of the "
                            + type + " block size " + type.blockSize);
                }
                if (!names.add(name)) {
                    throw bad("duplicate tensor name '" + name + "'");
                }
                GgufTensorInfo t = new GgufTensorInfo(name, dims, type, offset);
                long bytes;
                try {
                    bytes = t.byteSize();
                } catch (ArithmeticException e) {
                    bytes = Long.MAX_VALUE;
                }
                if (bytes > size) {
                    throw bad("tensor '" + name + "' with dimensions " + java.util.Arrays.toString(dims) + " of "
                            + type + " needs more bytes than the whole file (" + size + ")");
                }
                tensors.add(t);
            }
            long alignment = 32;
            GgufValue al = kv.get("general.alignment");
            if (al != null) {
                // a UINT32 as the GGUF format defines it (llama.cpp reads it as one); at most 2^30 so that it fits
                // the int GgufWriter pads with
                if (al.type() != GgufValueType.UINT32 || al.asLong() <= 0 || al.asLong() > MAX_ALIGNMENT
                        || Long.bitCount(al.asLong()) != 1) {
                    throw bad("general.alignment = " + al + " of type " + al.type()
                            + " (must be a UINT32 power of two, 1.." + MAX_ALIGNMENT + ")");
                }
                alignment = al.asLong();
            }
            long dataOffset = (pos() + alignment - 1) / alignment * alignment;
            long end = 0;
            List<GgufTensorInfo> byOffset = new ArrayList<>(tensors);
            byOffset.sort((a, b) -> Long.compare(a.offset(), b.offset()));
            for (GgufTensorInfo t : byOffset) {
                if (t.offset() % alignment != 0) {
                    throw bad("tensor '" + t.name() + "' offset " + t.offset() + " is not aligned to " + alignment);
                }
                if (t.offset() < end) {
                    throw bad("tensor '" + t.name() + "' data overlaps the previous tensor (offset " + t.offset() + ")");
                }
                end = t.offset() + t.byteSize();
                if (dataOffset + end > size) {
                    throw bad("truncated: tensor '" + t.name() + "' needs bytes up to " + (dataOffset + end)
                            + " but the file has " + size);
                }
            }
            return new GgufFile(path, version, kv, tensors, dataOffset, size);
        }

        private long u64(String what) throws IOException {
            need(8);
            long v = buf.getLong();
            if (v < 0 || v > MAX_COUNT * 64) {
                throw bad(what + " = " + Long.toUnsignedString(v) + " at byte " + (pos() - 8) + " is implausible");
            }
            return v;
        }

        private String string(String what) throws IOException {
            need(8);
            long len = buf.getLong();
            if (len < 0 || len > MAX_STRING || pos() + len > size) {
                throw bad(what + " has length " + Long.toUnsignedString(len) + " at byte " + (pos() - 8)
                        + " (beyond the file or implausible)");
            }
            byte[] b = new byte[(int) len];
            int off = 0;
            while (off < b.length) {
                int n = Math.min(b.length - off, buf.capacity() / 2);
                need(n);
                buf.get(b, off, n);
                off += n;
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b)).toString();
            } catch (CharacterCodingException e) {
                // tokenizer pieces may hold raw bytes; keep them losslessly as ISO-8859-1 is not possible in a
                // String without a marker, so replace (llama.cpp itself treats these as bytes, we only inspect)
                return new String(b, StandardCharsets.UTF_8);
            }
        }

        private GgufValue value(String key, GgufValueType type) throws IOException {
            if (type == GgufValueType.ARRAY) {
                need(4);
                int etId = buf.getInt();
                GgufValueType et = GgufValueType.byId(etId);
                if (et == null || et == GgufValueType.ARRAY) {
                    throw bad("metadata array '" + key + "' has unsupported element type " + etId);
                }
                need(8);
                long n = buf.getLong();
                long min = et == GgufValueType.STRING ? 8 : et.size();
                if (n < 0 || n > MAX_COUNT || pos() + n * min > size) {
                    throw bad("metadata array '" + key + "' has " + Long.toUnsignedString(n)
                            + " elements (beyond the file or implausible)");
                }
                List<Object> list = new ArrayList<>((int) n);
                for (long i = 0; i < n; i++) {
                    list.add(scalar(key, et));
                }
                return GgufValue.array(et, list);
            }
            return GgufValue.of(type, scalar(key, type));
        }

        private Object scalar(String key, GgufValueType t) throws IOException {
            switch (t) {
                case UINT8: need(1); return (long) (buf.get() & 0xff);
                case INT8: need(1); return (long) buf.get();
                case UINT16: need(2); return (long) (buf.getShort() & 0xffff);
                case INT16: need(2); return (long) buf.getShort();
                case UINT32: need(4); return buf.getInt() & 0xffffffffL;
                case INT32: need(4); return (long) buf.getInt();
                case UINT64: case INT64: need(8); return buf.getLong();
                case FLOAT32: need(4); return (double) buf.getFloat();
                case FLOAT64: need(8); return buf.getDouble();
                case BOOL:
                    need(1);
                    byte b = buf.get();
                    if (b != 0 && b != 1) {
                        throw bad("metadata '" + key + "' has bool value " + b + " (allowed 0, 1)");
                    }
                    return b == 1;
                case STRING: return string("metadata '" + key + "'");
                default: throw bad("metadata '" + key + "' has unsupported type " + t);
            }
        }
    }

    /** True if the file starts with the GGUF magic (cheap check, no validation). */
    public static boolean looksLikeGguf(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            return ch.read(b, 0) == 4 && b.getInt(0) == MAGIC;
        } catch (IOException e) {
            return false;
        }
    }

}
