package org.configspec.serve.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link VerifyCodec} is Jackson for the round's two messages, only faster: it writes the same bytes as {@link
 * Json#write}, and for every body (the exact layout it reads itself, and any mutation of it) reading gives the same
 * outcome as {@link Json#read}: an equal value, or a {@link ProtocolException} with the same status and message.
 */
class VerifyCodecTest {
    private static final List<String> SPLICES = List.of(" ", "0", "00", "-", "-1", ".", ".5", "e", "e400", "E-7",
            "1e999", "null", "\"", "\"1\"", ",", "]", "}", "[", "{", "true", "4294967298", "2147483647",
            "1234567890", ",\"position\":3", ",\"x\":1", "\u00e9", "\n");

    @Property(tries = 300)
    void writesTheBytesJacksonWritesForARequest(@ForAll("requests") VerifyRequest r) {
        assertThat(new String(VerifyCodec.write(r), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.write(r), StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void writesTheBytesJacksonWritesForAnAnswer(@ForAll("responses") VerifyResponse r) {
        assertThat(new String(VerifyCodec.write(r), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.write(r), StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void readsItsOwnLayoutWithoutJacksonAndAsJacksonDoes(@ForAll("requests") VerifyRequest r,
                                                        @ForAll("responses") VerifyResponse a) {
        byte[] request = VerifyCodec.write(r);
        byte[] answer = VerifyCodec.write(a);
        assertThat(VerifyCodec.fastRequest(request)).as("fast path taken").isNotNull();
        boolean finite = Double.isFinite(a.timings().queueMs()) && Double.isFinite(a.timings().decodeMs());
        assertThat(VerifyCodec.fastResponse(answer) != null).as("fast path taken").isEqualTo(finite);
        assertSameOutcome(request, VerifyRequest.class);
        assertSameOutcome(answer, VerifyResponse.class);
    }

    @Property(tries = 2000)
    void anyMutationReadsAsJacksonReadsIt(@ForAll("requests") VerifyRequest r, @ForAll("responses") VerifyResponse a,
                                          @ForAll boolean answer, @ForAll @IntRange(min = 0, max = 200) int at,
                                          @ForAll @IntRange(min = 0, max = 3) int cut,
                                          @ForAll @IntRange(min = 0, max = 26) int splice) {
        String body = new String(answer ? VerifyCodec.write(a) : VerifyCodec.write(r), StandardCharsets.UTF_8);
        int from = Math.min(at, body.length());
        int to = Math.min(body.length(), from + cut);
        byte[] mutated = (body.substring(0, from) + SPLICES.get(splice) + body.substring(to))
                .getBytes(StandardCharsets.UTF_8);
        assertSameOutcome(mutated, answer ? VerifyResponse.class : VerifyRequest.class);
    }

    @Test
    void refusalsAreJacksonsWords() {
        assertSameOutcome(bytes("{\"position\":0,\"draft\":[1],\"draftProbs\":null}"), VerifyRequest.class);
        assertSameOutcome(bytes("{\"position\":3,\"draft\":[01],\"draftProbs\":null}"), VerifyRequest.class);
        assertSameOutcome(bytes("{\"position\":3,\"draft\":[1,],\"draftProbs\":null}"), VerifyRequest.class);
        assertSameOutcome(bytes("{\"position\":3,\"draft\":[1],\"draftProbs\":null}x"), VerifyRequest.class);
        assertSameOutcome(bytes(""), VerifyRequest.class);
        assertSameOutcome(bytes("{\"accepted\":1,\"token\":2,\"position\":0,\"timings\":{\"queueMs\":1,\"decodeMs\":2,"
                + "\"batchSize\":1}}"), VerifyResponse.class);
        assertSameOutcome(bytes("{\"accepted\":1,\"token\":2,\"position\":4,\"timings\":{\"queueMs\":1e999,"
                + "\"decodeMs\":2,\"batchSize\":1}}"), VerifyResponse.class);
        assertSameOutcome(bytes("{\"accepted\":1,\"token\":2,\"position\":4,\"timings\":{\"queueMs\":null,"
                + "\"decodeMs\":2,\"batchSize\":1}}"), VerifyResponse.class);
        // integers in a double's place are read as Jackson reads them (13 -> 13.0), through the fast path
        byte[] integral = bytes("{\"accepted\":1,\"token\":2,\"position\":4,\"timings\":{\"queueMs\":0,"
                + "\"decodeMs\":13,\"batchSize\":1}}");
        assertThat(VerifyCodec.fastResponse(integral)).isNotNull();
        assertSameOutcome(integral, VerifyResponse.class);
    }

    @Test
    void aSamplingRequestIsWrittenByJackson() {
        VerifyRequest r = new VerifyRequest(7, new int[] {3, 5},
                List.of(new SparseDistribution(new int[] {3}, new float[] {1}),
                        new SparseDistribution(new int[] {5, 6}, new float[] {0.5f, 0.5f})));
        assertThat(VerifyCodec.write(r)).isEqualTo(Json.write(r));
        assertThat(VerifyCodec.fastRequest(VerifyCodec.write(r))).isNull();
        assertSameOutcome(VerifyCodec.write(r), VerifyRequest.class);
    }

    private static void assertSameOutcome(byte[] body, Class<?> type) {
        Object expected;
        try {
            expected = Json.read(body, type);
        } catch (ProtocolException e) {
            ProtocolException got = null;
            try {
                read(body, type);
            } catch (ProtocolException mine) {
                got = mine;
            }
            assertThat(got).as("refused as Jackson refuses %s", new String(body, StandardCharsets.UTF_8)).isNotNull();
            assertThat(got.status()).isEqualTo(e.status());
            assertThat(got.getMessage()).isEqualTo(e.getMessage());
            return;
        }
        assertThat(new String(Json.write(read(body, type)), StandardCharsets.UTF_8))
                .as("read as Jackson reads %s", new String(body, StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.write(expected), StandardCharsets.UTF_8));
    }

    private static Object read(byte[] body, Class<?> type) {
        return type == VerifyRequest.class ? VerifyCodec.readRequest(body) : VerifyCodec.readResponse(body);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<VerifyRequest> requests() {
        Arbitrary<Integer> position = Arbitraries.oneOf(Arbitraries.integers().between(1, 2000),
                Arbitraries.integers().between(1, Integer.MAX_VALUE));
        Arbitrary<int[]> draft = Arbitraries.oneOf(Arbitraries.integers().between(0, 32_000),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE))
                .array(int[].class).ofMaxSize(20);
        return Combinators.combine(position, draft).as((p, d) -> new VerifyRequest(p, d, null));
    }

    @Provide
    Arbitrary<VerifyResponse> responses() {
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 16);
        Arbitrary<Integer> id = Arbitraries.oneOf(Arbitraries.integers().between(0, 32_000),
                Arbitraries.integers().between(0, Integer.MAX_VALUE));
        Arbitrary<Double> ms = Arbitraries.oneOf(Arbitraries.doubles().between(0, 1e5).ofScale(6),
                Arbitraries.longs().map(Double::longBitsToDouble), Arbitraries.of(0.0, -0.0, 1e-7, 1e22, 123456789.0,
                        Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY));
        Arbitrary<Integer> batch = Arbitraries.oneOf(Arbitraries.integers().between(1, 16), id);
        return Combinators.combine(small, id, id.map(p -> Math.max(1, p)), ms, ms, batch)
                .as((acc, t, p, q, d, b) -> new VerifyResponse(acc, t, p, new VerifyResponse.Timings(q, d, b)));
    }
}
