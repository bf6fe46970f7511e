package org.configspec.serve.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * The protocol's strict JSON mapper. Refused: unknown fields; null for a number; a duplicate key in an object
 * (instead of the last one winning); anything after the document; a scalar of one JSON type read as another (a
 * number or boolean as a string, a string or boolean as a number, {@code 5.5} or {@code 5.0} as an integer); integers
 * beyond their field's range; NaN and Infinity tokens (not JSON).
 */
public final class Json {
    private static final ObjectMapper MAPPER = strict();

    private static ObjectMapper strict() {
        JsonMapper m = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        for (LogicalType t : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean}) {
            m.coercionConfigFor(t)
                    .setCoercion(CoercionInputShape.Integer, t == LogicalType.Integer || t == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, t == LogicalType.Float ? CoercionAction.TryConvert
                            : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, t == LogicalType.Boolean ? CoercionAction.TryConvert
                            : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, t == LogicalType.Textual ? CoercionAction.TryConvert
                            : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, t == LogicalType.Textual ? CoercionAction.TryConvert
                            : CoercionAction.Fail);
        }
        return m;
    }

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses a request body; every failure is a 400 {@link ProtocolException} with a one-line reason. */
    public static <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw ProtocolException.badRequest("empty body: a JSON object is required");
        }
        try {
            T v = MAPPER.readValue(body, type);
            if (v == null) {
                throw ProtocolException.badRequest("body is JSON null: a JSON object is required");
            }
            return v;
        } catch (ValueInstantiationException e) {
            Throwable c = e.getCause();
            if (c instanceof ProtocolException p) {
                throw p;
            }
            throw ProtocolException.badRequest("bad " + type.getSimpleName() + ": " + oneLine(e));
        } catch (IOException e) {
            throw ProtocolException.badRequest("bad JSON for " + type.getSimpleName() + ": " + oneLine(e));
        }
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static String oneLine(Exception e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException jm && !jm.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : jm.getPath()) {
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
}
