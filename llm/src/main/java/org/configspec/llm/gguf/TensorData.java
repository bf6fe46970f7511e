package org.configspec.llm.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The bytes of one tensor for {@link GgufWriter}: in memory, or a region of an existing file (copied zero-copy). */
public interface TensorData {
    long size();

    void writeTo(FileChannel out) throws IOException;

    static TensorData of(ByteBuffer bytes) {
        ByteBuffer b = bytes.duplicate();
        return new TensorData() {
            @Override
            public long size() {
                return b.remaining();
            }

            @Override
            public void writeTo(FileChannel out) throws IOException {
                ByteBuffer d = b.duplicate();
                while (d.hasRemaining()) {
                    out.write(d);
                }
            }
        };
    }

    static TensorData region(Path file, long offset, long length) {
        return new TensorData() {
            @Override
            public long size() {
                return length;
            }

            @Override
            public void writeTo(FileChannel out) throws IOException {
                try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                    long done = 0;
                    while (done < length) {
                        long n = in.transferTo(offset + done, length - done, out);
                        if (n <= 0) {
                            throw new IOException("short read from " + file + " at " + (offset + done));
                        }
                        done += n;
                    }
                }
            }
        };
    }
}
