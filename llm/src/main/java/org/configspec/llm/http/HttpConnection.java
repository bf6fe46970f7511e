package org.configspec.llm.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 keep-alive connection over a blocking socket with TCP_NODELAY: a request goes out in one write, the
 * answer is read on the calling thread (no selector or executor hand-off, unlike the JDK client, which costs
 * several milliseconds per round trip and a second of class loading on the first request; numbers in
 * docs/benchmarks.md). Enough HTTP for the verifier protocol: status line, headers, a body by Content-Length,
 * chunked encoding or end of stream. Not thread-safe: one exchange at a time (serve's HttpVerifierTransport pools
 * connections).
 */
public final class HttpConnection implements AutoCloseable {
    /**
     * An answer: status, body, whether the connection may carry another request, and its headers (names in lower
     * case; of a header sent more than once, the last).
     */
    public record Answer(int status, byte[] body, boolean reusable, Map<String, String> headers) {
        public Answer {
            headers = Map.copyOf(headers);
        }

        /** The value of header {@code name} (any case), or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Thrown when the connection failed before any byte of the answer arrived (a stale keep-alive connection). */
    public static final class NothingReceived extends IOException {
        private static final long serialVersionUID = 1L;

        NothingReceived(IOException cause) {
            super(cause.toString(), cause);
        }
    }

    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int exchanges;

    private HttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 8192);
        this.out = socket.getOutputStream();
    }

    public static HttpConnection open(String host, int port, int connectTimeoutMs) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            try {
                s.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            } catch (SocketTimeoutException e) {
                throw new ConnectException("no connection to " + host + ":" + port + " within " + connectTimeoutMs
                        + " ms");
            }
            return new HttpConnection(s);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Exchanges already answered on this connection. */
    public int exchanges() {
        return exchanges;
    }

    /**
     * Sends {@code head} (request line and headers, ending with the blank line) and {@code body}, and reads the answer
     * before {@code deadlineNanos}. On a connection that already carried an exchange, a failure before the first byte of
     * the answer is a {@link NothingReceived}.
     */
    public Answer exchange(byte[] head, byte[] body, long deadlineNanos) throws IOException {
        boolean received = false;
        try {
            byte[] request = head;
            if (body != null && body.length > 0) {
                request = new byte[head.length + body.length];
                System.arraycopy(head, 0, request, 0, head.length);
                System.arraycopy(body, 0, request, head.length, body.length);
            }
            out.write(request);
            out.flush();
            deadline(deadlineNanos);
            int first = in.read();
            if (first < 0) {
                throw new EOFException("connection closed by the verifier before an answer");
            }
            received = true;
            Answer a = read(first, deadlineNanos);
            exchanges++;
            return a;
        } catch (IOException e) {
            if (!received && exchanges > 0 && !(e instanceof SocketTimeoutException)) {
                throw new NothingReceived(e);
            }
            throw e;
        }
    }

    private Answer read(int first, long deadlineNanos) throws IOException {
        String status = line(first, deadlineNanos);
        // HTTP/1.x SP 3DIGIT SP reason
        if (!status.startsWith("HTTP/1.") || status.length() < 12 || status.charAt(8) != ' ') {
            throw new IOException("not an HTTP/1.x status line: '" + clip(status) + "'");
        }
        int code;
        try {
            code = Integer.parseInt(status.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("bad status code in '" + clip(status) + "'");
        }
        boolean keepAlive = status.startsWith("HTTP/1.1");
        long length = -1;
        boolean chunked = false;
        int headerBytes = status.length();
        Map<String, String> headers = new HashMap<>();
        while (true) {
            String h = line(-1, deadlineNanos);
            if (h.isEmpty()) {
                break;
            }
            headerBytes += h.length();
            if (headerBytes > MAX_HEADER_BYTES) {
                throw new IOException("answer headers longer than " + MAX_HEADER_BYTES + " bytes");
            }
            int colon = h.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            headers.put(name, value);
            switch (name) {
                case "content-length" -> {
                    try {
                        length = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IOException("bad Content-Length '" + clip(value) + "'");
                    }
                    if (length < 0 || length > MAX_BODY_BYTES) {
                        throw new IOException("Content-Length " + length + ": allowed 0.." + MAX_BODY_BYTES);
                    }
                }
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> {
                    String v = value.toLowerCase(Locale.ROOT);
                    if (v.contains("close")) {
                        keepAlive = false;
                    } else if (v.contains("keep-alive")) {
                        keepAlive = true;
                    }
                }
                default -> { }
            }
        }
        if (code / 100 == 1) {
            // an interim answer (we never send Expect): the real one follows
            int next = in.read();
            if (next < 0) {
                throw new EOFException("connection closed after an interim answer");
            }
            return read(next, deadlineNanos);
        }
        byte[] body;
        if (code == 204 || code == 304) {
            body = new byte[0];
        } else if (chunked) {
            body = chunks(deadlineNanos);
        } else if (length >= 0) {
            body = exactly((int) length, deadlineNanos);
        } else {
            body = untilEnd(deadlineNanos);
            keepAlive = false;
        }
        return new Answer(code, body, keepAlive, headers);
    }

    private byte[] chunks(long deadlineNanos) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            String size = line(-1, deadlineNanos);
            int semi = size.indexOf(';');
            int n;
            try {
                n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size '" + clip(size) + "'");
            }
            if (n < 0 || b.size() + (long) n > MAX_BODY_BYTES) {
                throw new IOException("chunked answer longer than " + MAX_BODY_BYTES + " bytes");
            }
            if (n == 0) {
                while (!line(-1, deadlineNanos).isEmpty()) {
                    // trailers: ignored
                }
                return b.toByteArray();
            }
            b.write(exactly(n, deadlineNanos));
            if (!line(-1, deadlineNanos).isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    private byte[] exactly(int n, long deadlineNanos) throws IOException {
        byte[] b = new byte[n];
        int off = 0;
        while (off < n) {
            deadline(deadlineNanos);
            int r = in.read(b, off, n - off);
            if (r < 0) {
                throw new EOFException("answer body ended after " + off + " of " + n + " bytes");
            }
            off += r;
        }
        return b;
    }

    private byte[] untilEnd(long deadlineNanos) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (true) {
            deadline(deadlineNanos);
            int r = in.read(buf);
            if (r < 0) {
                return b.toByteArray();
            }
            if (b.size() + (long) r > MAX_BODY_BYTES) {
                throw new IOException("answer longer than " + MAX_BODY_BYTES + " bytes");
            }
            b.write(buf, 0, r);
        }
    }

    /** One header line without its CRLF (a lone LF is accepted); {@code first} is an already read byte or -1. */
    private String line(int first, long deadlineNanos) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c = first;
        if (c < 0) {
            deadline(deadlineNanos);
            c = in.read();
        }
        while (c >= 0 && c != '\n') {
            if (c != '\r') {
                sb.append((char) c);
            }
            if (sb.length() > MAX_HEADER_BYTES) {
                throw new IOException("answer header line longer than " + MAX_HEADER_BYTES + " bytes");
            }
            c = in.read();
        }
        if (c < 0) {
            throw new EOFException("connection closed inside the answer's headers");
        }
        return sb.toString();
    }

    /** Sets the socket timeout to what is left until the deadline; a passed deadline is a timeout. */
    private void deadline(long deadlineNanos) throws IOException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("no complete answer within the request timeout");
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
    }

    /** A piece of the answer for an error message: at most 80 characters, control characters as '?'. */
    private static String clip(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
