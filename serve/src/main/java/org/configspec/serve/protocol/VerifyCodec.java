package org.configspec.serve.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The two messages of every round, a greedy {@link VerifyRequest} and its {@link VerifyResponse}, written and read
 * without Jackson when they have exactly the layout {@link Json#write} gives them (field order, no whitespace, plain
 * numbers); any other body goes through {@link Json#read}, so the outcome is always Jackson's (the same value, or the
 * same {@link ProtocolException}), only faster for the bodies our own client and server exchange.
 * <p>Why: a round's four JSON steps ran after a wait (the client waits for the verifier, the server's handler for the
 * decode thread) with cold caches, where the strict mapper took 0.1–0.3 ms a message even after a thousand warm-up
 * rounds (docs/benchmarks.md, "Where a plain round's time goes"); a scan of a 60–110 byte body does not.
 */
public final class VerifyCodec {
    private static final byte[] REQ_POSITION = ascii("{\"position\":");
    private static final byte[] REQ_DRAFT = ascii(",\"draft\":[");
    private static final byte[] REQ_END = ascii(",\"draftProbs\":null}");
    private static final byte[] RES_ACCEPTED = ascii("{\"accepted\":");
    private static final byte[] RES_TOKEN = ascii(",\"token\":");
    private static final byte[] RES_POSITION = ascii(",\"position\":");
    private static final byte[] RES_QUEUE = ascii(",\"timings\":{\"queueMs\":");
    private static final byte[] RES_DECODE = ascii(",\"decodeMs\":");
    private static final byte[] RES_BATCH = ascii(",\"batchSize\":");
    private static final byte[] RES_END = ascii("}}");
    /** At most this many digits in a fast-path integer (as many as {@link Integer#MAX_VALUE} has). */
    private static final int MAX_DIGITS = 10;

    private VerifyCodec() {
    }

    /** The request's JSON, byte for byte what {@link Json#write} gives. */
    public static byte[] write(VerifyRequest r) {
        if (r.draftProbs() != null) {
            return Json.write(r);
        }
        int[] draft = r.draft();
        StringBuilder sb = new StringBuilder(48 + 7 * draft.length).append("{\"position\":").append(r.position())
                .append(",\"draft\":[");
        for (int i = 0; i < draft.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(draft[i]);
        }
        return sb.append("],\"draftProbs\":null}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The answer's JSON, byte for byte what {@link Json#write} gives. */
    public static byte[] write(VerifyResponse r) {
        VerifyResponse.Timings t = r.timings();
        StringBuilder sb = new StringBuilder(120).append("{\"accepted\":").append(r.accepted()).append(",\"token\":")
                .append(r.token()).append(",\"position\":").append(r.position()).append(",\"timings\":{\"queueMs\":");
        number(sb, t.queueMs()).append(",\"decodeMs\":");
        number(sb, t.decodeMs()).append(",\"batchSize\":").append(t.batchSize()).append("}}");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** As the project's mappers write a double: Java's round-trip form, null when not finite. */
    private static StringBuilder number(StringBuilder sb, double v) {
        return Double.isFinite(v) ? sb.append(v) : sb.append("null");
    }

    /** {@code Json.read(body, VerifyRequest.class)}, without Jackson for the layout {@link #write(VerifyRequest)} gives. */
    public static VerifyRequest readRequest(byte[] body) {
        VerifyRequest fast = fastRequest(body);
        return fast != null ? fast : Json.read(body, VerifyRequest.class);
    }

    /** {@code Json.read(body, VerifyResponse.class)}, without Jackson for the layout {@link #write(VerifyResponse)} gives. */
    public static VerifyResponse readResponse(byte[] body) {
        VerifyResponse fast = fastResponse(body);
        return fast != null ? fast : Json.read(body, VerifyResponse.class);
    }

    /** The request read without Jackson, or null when the body is not in the exact layout (or its values are refused). */
    static VerifyRequest fastRequest(byte[] body) {
        return body == null ? null : fastRequest(new Cursor(body));
    }

    /** The answer read without Jackson, or null when the body is not in the exact layout (or its values are refused). */
    static VerifyResponse fastResponse(byte[] body) {
        return body == null ? null : fastResponse(new Cursor(body));
    }

    private static VerifyRequest fastRequest(Cursor c) {
        if (!c.literal(REQ_POSITION)) {
            return null;
        }
        int position = c.natural();
        if (position < 0 || !c.literal(REQ_DRAFT)) {
            return null;
        }
        int[] draft = new int[8];
        int k = 0;
        if (!c.next(']')) {
            do {
                int t = c.natural();
                if (t < 0) {
                    return null;
                }
                if (k == draft.length) {
                    draft = Arrays.copyOf(draft, 2 * k);
                }
                draft[k++] = t;
            } while (c.next(','));
            if (!c.next(']')) {
                return null;
            }
        }
        if (!c.literal(REQ_END) || !c.atEnd()) {
            return null;
        }
        try {
            return new VerifyRequest(position, Arrays.copyOf(draft, k), null);
        } catch (ProtocolException e) {
            return null; // Jackson gives the same refusal, worded as every other
        }
    }

    private static VerifyResponse fastResponse(Cursor c) {
        if (!c.literal(RES_ACCEPTED)) {
            return null;
        }
        int accepted = c.natural();
        if (accepted < 0 || !c.literal(RES_TOKEN)) {
            return null;
        }
        int token = c.natural();
        if (token < 0 || !c.literal(RES_POSITION)) {
            return null;
        }
        int position = c.natural();
        if (position < 0 || !c.literal(RES_QUEUE)) {
            return null;
        }
        double queue = c.number();
        if (Double.isNaN(queue) || !c.literal(RES_DECODE)) {
            return null;
        }
        double decode = c.number();
        if (Double.isNaN(decode) || !c.literal(RES_BATCH)) {
            return null;
        }
        int batch = c.natural();
        if (batch < 0 || !c.literal(RES_END) || !c.atEnd()) {
            return null;
        }
        try {
            return new VerifyResponse(accepted, token, position, new VerifyResponse.Timings(queue, decode, batch));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A position in a body; every method either consumes what it matched or reports no match. */
    private static final class Cursor {
        private final byte[] b;
        private int i;

        Cursor(byte[] b) {
            this.b = b;
        }

        boolean atEnd() {
            return i == b.length;
        }

        boolean next(char ch) {
            if (i < b.length && b[i] == ch) {
                i++;
                return true;
            }
            return false;
        }

        boolean literal(byte[] s) {
            if (b.length - i < s.length) {
                return false;
            }
            for (int j = 0; j < s.length; j++) {
                if (b[i + j] != s[j]) {
                    return false;
                }
            }
            i += s.length;
            return true;
        }

        /** A JSON integer without sign or leading zero, at most {@link Integer#MAX_VALUE}; -1 otherwise. */
        int natural() {
            int start = i;
            long v = 0;
            while (i < b.length && b[i] >= '0' && b[i] <= '9' && i - start < MAX_DIGITS) {
                v = 10 * v + (b[i++] - '0');
            }
            int n = i - start;
            if (n == 0 || (n > 1 && b[start] == '0') || (i < b.length && b[i] >= '0' && b[i] <= '9')
                    || v > Integer.MAX_VALUE) {
                return -1;
            }
            return (int) v;
        }

        /** A finite JSON number (RFC 8259 grammar); NaN when there is none or it is out of range. */
        double number() {
            int start = i;
            next('-');
            int intStart = i;
            if (!digits()) {
                return Double.NaN;
            }
            if (i - intStart > 1 && b[intStart] == '0') {
                return Double.NaN;
            }
            if (next('.') && !digits()) {
                return Double.NaN;
            }
            if (next('e') || next('E')) {
                if (!next('+')) {
                    next('-');
                }
                if (!digits()) {
                    return Double.NaN;
                }
            }
            double v = Double.parseDouble(new String(b, start, i - start, StandardCharsets.US_ASCII));
            return Double.isFinite(v) ? v : Double.NaN;
        }

        private boolean digits() {
            int start = i;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            return i > start;
        }
    }
}
