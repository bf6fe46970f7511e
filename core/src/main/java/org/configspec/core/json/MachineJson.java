package org.configspec.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Map;
import org.configspec.core.error.ConfigSpecException;

/**
 * The one JSON policy of every module, for what ConfigSpec writes and what it reads.
 * <p><b>Output.</b> Unknown numbers (NaN, ±infinity) are written as {@code null}, never as the string "NaN".
 * Reports (select, sweep, explain, align, draft and power reports: {@link #report}) carry
 * {@value #SIGNIFICANT_DIGITS} significant digits in plain notation, identical on every JDK. Data documents that are
 * read back (catalogs, store documents, the verifier protocol: {@link #data}) carry every double losslessly (Java's
 * shortest round-trip form), because reading what was written must give back the same values and store ids are
 * hashes of the text.
 * <p><b>Input</b> ({@link #strict()}): no duplicate keys, nothing after the document, no comments, no NaN literals,
 * no scalar coercion ({@code "5"} is not a number, {@code 5} is not a string, {@code 5.5} is not an integer,
 * {@code null} is not a primitive), unknown properties refused, numbers finite ({@code 1e999} is refused rather than
 * read as infinity). Integers are range-checked by the field readers that know the allowed range (e.g. the catalog's
 * {@code JsonFields.integer}); Jackson already refuses an out-of-range value bound to an {@code int} or {@code long}.
 * <p>{@link #lenient()} reads third-party formats (llama-bench output, Dolly and other prompt files) that this project
 * does not define: it accepts duplicate keys and trailing content on a line where those tools' writers might produce
 * them, but still refuses NaN literals and comments.
 */
public final class MachineJson {
    /** Significant digits of every number in a report. */
    public static final int SIGNIFICANT_DIGITS = 10;
    private static final MathContext DIGITS = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);
    private static final String ROUND = "configspec.significantDigits";

    private static final JsonMapper STRICT = configure(JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .addModule(numbers())
            .build());
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .addModule(numbers())
            .build();

    private MachineJson() {
    }

    private static JsonMapper configure(JsonMapper m) {
        for (LogicalType t : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean, LogicalType.Enum}) {
            m.coercionConfigFor(t)
                    .setCoercion(CoercionInputShape.String, t == LogicalType.Textual || t == LogicalType.Enum
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, t == LogicalType.Integer || t == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, t == LogicalType.Float ? CoercionAction.TryConvert
                            : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, t == LogicalType.Boolean ? CoercionAction.TryConvert
                            : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, t == LogicalType.Textual ? CoercionAction.TryConvert
                            : CoercionAction.Fail);
        }
        return m;
    }

    private static SimpleModule numbers() {
        return new SimpleModule("configspec-numbers")
                .addSerializer(Double.class, new DoubleSerializer())
                .addSerializer(double.class, new DoubleSerializer())
                .addSerializer(Float.class, new FloatSerializer())
                .addSerializer(float.class, new FloatSerializer())
                .addSerializer(double[].class, new DoubleArraySerializer());
    }

    /** The strict mapper: reads with every rule above, writes data losslessly (NaN as null). */
    public static ObjectMapper strict() {
        return STRICT;
    }

    /** For third-party formats only (see the class comment). */
    public static ObjectMapper lenient() {
        return LENIENT;
    }

    /** Writer for data read back by a program: lossless doubles, NaN as null, indented. */
    public static ObjectWriter data() {
        return STRICT.writerWithDefaultPrettyPrinter();
    }

    /** Writer for data on one line: lossless doubles, NaN as null, no whitespace. */
    public static ObjectWriter compact() {
        return STRICT.writer();
    }

    /** Writer for reports: {@value #SIGNIFICANT_DIGITS} significant digits in plain notation, NaN as null, indented. */
    public static ObjectWriter report() {
        return STRICT.writerWithDefaultPrettyPrinter().withAttribute(ROUND, Boolean.TRUE);
    }

    /** Writes with {@code writer}; a failure here is a bug (the values are ours), not a user error. */
    public static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * A value as a tree whose numbers are already report figures ({@value #SIGNIFICANT_DIGITS} significant digits, NaN
     * as null), for reports that add fields to a serialised record.
     */
    public static ObjectNode reportTree(Object value) {
        try {
            return (ObjectNode) STRICT.readTree(report().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static ObjectNode object() {
        return STRICT.createObjectNode();
    }

    public static ArrayNode array() {
        return STRICT.createArrayNode();
    }

    /** {@value #SIGNIFICANT_DIGITS} significant digits, plain, no trailing zeros; null for NaN and infinities. */
    public static BigDecimal decimal(double v) {
        if (!Double.isFinite(v)) {
            return null;
        }
        if (v == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal d = new BigDecimal(v).round(DIGITS).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** Puts a report figure: {@link #decimal} of {@code v}, or null when unknown. */
    public static void putFigure(ObjectNode n, String field, double v) {
        BigDecimal d = decimal(v);
        if (d == null) {
            n.putNull(field);
        } else {
            n.put(field, d);
        }
    }

    /**
     * Parses one JSON document with the strict rules; {@code where} (e.g. "catalog /tmp/c.json") starts every error:
     * {@code where: malformed JSON at line 3, column 7: Duplicate field 'k'} or
     * {@code where: field a.b[2]: number out of range (not a finite double)}. Empty input is an error.
     */
    public static JsonNode readTree(byte[] json, String where) {
        JsonNode n;
        try {
            n = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigSpecException(where + ": malformed JSON" + at(e) + ": " + oneLine(e));
        } catch (IOException e) {
            throw new ConfigSpecException(where + ": cannot read: " + e.getMessage(), e);
        }
        if (n == null || n.isMissingNode()) {
            throw new ConfigSpecException(where + ": empty input; expected a JSON document");
        }
        requireFinite(n, "", where);
        return n;
    }

    public static JsonNode readTree(String json, String where) {
        return readTree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), where);
    }

    /** Every number in the tree must be a finite double: "1e999" would otherwise be read as infinity. */
    private static void requireFinite(JsonNode n, String path, String where) {
        if (n.isNumber() && n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue())) {
            throw new ConfigSpecException(where + ": field " + (path.isEmpty() ? "(the document)" : path)
                    + ": number out of range (not a finite double); allowed: finite numbers");
        }
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                requireFinite(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), where);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                requireFinite(n.get(i), path + "[" + i + "]", where);
            }
        }
    }

    private static String at(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        return loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /** One line for a Jackson failure: the field path when known, then the reason (at most 200 characters). */
    public static String oneLine(Exception e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (e instanceof JsonMappingException jm && !jm.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            for (JsonMappingException.Reference r : jm.getPath()) {
                if (r.getFieldName() != null) {
                    field.append(field.length() == 0 ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    field.append('[').append(r.getIndex()).append(']');
                }
            }
            m = "field '" + field + "': " + m;
        }
        if (m == null) {
            m = e.getClass().getSimpleName();
        }
        m = m.replaceAll("\\s+", " ").trim();
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    private static void writeDouble(double v, JsonGenerator g, SerializerProvider p) throws IOException {
        if (!Double.isFinite(v)) {
            g.writeNull();
        } else if (Boolean.TRUE.equals(p.getAttribute(ROUND))) {
            g.writeNumber(decimal(v));
        } else {
            g.writeNumber(v);
        }
    }

    private static final class DoubleSerializer extends StdSerializer<Double> {
        DoubleSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            writeDouble(v, g, p);
        }
    }

    private static final class DoubleArraySerializer extends StdSerializer<double[]> {
        DoubleArraySerializer() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] v, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartArray(v, v.length);
            for (double d : v) {
                writeDouble(d, g, p);
            }
            g.writeEndArray();
        }
    }

    private static final class FloatSerializer extends StdSerializer<Float> {
        FloatSerializer() {
            super(Float.class);
        }

        @Override
        public void serialize(Float v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (!Float.isFinite(v)) {
                g.writeNull();
            } else if (Boolean.TRUE.equals(p.getAttribute(ROUND))) {
                g.writeNumber(decimal(Double.parseDouble(Float.toString(v))));
            } else {
                g.writeNumber(v);
            }
        }
    }
}
