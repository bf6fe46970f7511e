package org.configspec.llm.gguf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes GGUF v3 files in pure Java: metadata in the given order, tensor directory, data aligned to
 * {@code general.alignment} (default 32). Writes to a temporary file beside the target and renames it on success, so
 * a reader never sees a partial file. Stateless and thread-safe.
 */
public final class GgufWriter {

    /** A tensor to write: name, GGUF dims ([in, out, ...]), type and its bytes. */
    public record Tensor(String name, long[] dims, GgmlType type, TensorData data) {
        public Tensor {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(data, "data");
            dims = dims.clone();
            long expected = new GgufTensorInfo(name, dims, type, 0).byteSize();
            if (data.size() != expected) {
                throw new IllegalArgumentException("tensor " + name + ": " + data.size() + " bytes of data, "
                        + type + " with these dims needs " + expected);
            }
        }

        @Override
        public long[] dims() {
            return dims.clone();
        }
    }

    private GgufWriter() { }

    public static void write(Path out, Map<String, GgufValue> metadata, List<Tensor> tensors) throws IOException {
        int alignment = GgufFile.DEFAULT_ALIGNMENT;
        GgufValue al = metadata.get("general.alignment");
        if (al != null) {
            alignment = (int) al.asLong();
        }
        Sink h = new Sink();
        h.i32(GgufReader.MAGIC);
        h.i32(3);
        h.i64(tensors.size());
        h.i64(metadata.size());
        for (Map.Entry<String, GgufValue> e : metadata.entrySet()) {
            h.str(e.getKey());
            GgufValue v = e.getValue();
            h.i32(v.type().ordinal());
            if (v.type() == GgufValueType.ARRAY) {
                h.i32(v.elementType().ordinal());
                h.i64(v.asList().size());
                for (Object o : v.asList()) {
                    h.scalar(v.elementType(), o);
                }
            } else {
                h.scalar(v.type(), v.value());
            }
        }
        long offset = 0;
        for (Tensor t : tensors) {
            h.str(t.name());
            h.i32(t.dims.length);
            for (long d : t.dims) {
                h.i64(d);
            }
            h.i32(t.type().id);
            h.i64(offset);
            offset = align(offset + t.data().size(), alignment);
        }
        h.pad(alignment);

        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(out.getFileName() + "." + ProcessHandle.current().pid() + "." + Thread.currentThread().getId()
                + ".part");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer header = ByteBuffer.wrap(h.bytes());
                while (header.hasRemaining()) {
                    ch.write(header);
                }
                long pos = header.capacity();
                for (Tensor t : tensors) {
                    t.data().writeTo(ch);
                    pos += t.data().size();
                    long padded = align(pos, alignment);
                    if (padded > pos) {
                        ByteBuffer zeros = ByteBuffer.allocate((int) (padded - pos));
                        while (zeros.hasRemaining()) {
                            ch.write(zeros);
                        }
                        pos = padded;
                    }
                }
                ch.force(false);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The tensors of an existing file, with their data referenced as file regions (for rewriting). */
    public static List<Tensor> tensorsOf(GgufFile f) {
        return f.tensors().stream()
                .map(t -> new Tensor(t.name(), t.dims(), t.type(),
                        TensorData.region(f.path(), f.absoluteOffset(t), t.byteSize())))
                .toList();
    }

    static long align(long v, long a) {
        return (v + a - 1) / a * a;
    }

    private static final class Sink {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

        void i32(int v) {
            scratch.clear();
            scratch.putInt(v);
            out.write(scratch.array(), 0, 4);
        }

        void i64(long v) {
            scratch.clear();
            scratch.putLong(v);
            out.write(scratch.array(), 0, 8);
        }

        void str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            i64(b.length);
            out.write(b, 0, b.length);
        }

        void pad(int alignment) {
            while (out.size() % alignment != 0) {
                out.write(0);
            }
        }

        void scalar(GgufValueType t, Object v) {
            switch (t) {
                case UINT8: case INT8: out.write((int) (long) (Long) v); break;
                case BOOL: out.write(((Boolean) v) ? 1 : 0); break;
                case UINT16: case INT16:
                    scratch.clear();
                    scratch.putShort((short) (long) (Long) v);
                    out.write(scratch.array(), 0, 2);
                    break;
                case UINT32: case INT32: i32((int) (long) (Long) v); break;
                case UINT64: case INT64: i64((Long) v); break;
                case FLOAT32:
                    scratch.clear();
                    scratch.putFloat((float) (double) (Double) v);
                    out.write(scratch.array(), 0, 4);
                    break;
                case FLOAT64:
                    scratch.clear();
                    scratch.putDouble((Double) v);
                    out.write(scratch.array(), 0, 8);
                    break;
                case STRING: str((String) v); break;
                default: throw new IllegalArgumentException("cannot write nested " + t);
            }
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
