package org.configspec.cli.commands.serve;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Streams token pieces (UTF-8 bytes, a character possibly split across tokens) to a writer as text. */
final class Utf8Sink {
    private final PrintWriter out;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);

    Utf8Sink(PrintWriter out) {
        this.out = out;
    }

    void write(byte[] piece) {
        ByteBuffer in = ByteBuffer.allocate(pending.remaining() + piece.length);
        in.put(pending).put(piece).flip();
        CharBuffer chars = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, chars, false);
        chars.flip();
        out.print(chars);
        out.flush();
        pending = in.slice();
    }

    void finish() {
        CharBuffer chars = CharBuffer.allocate(pending.remaining() + 1);
        decoder.decode(pending, chars, true);
        decoder.flush(chars);
        chars.flip();
        out.println(chars);
        out.flush();
    }
}
