package org.configspec.serve.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import org.configspec.core.json.MachineJson;

/**
 * The protocol's JSON: the project's strict mapper ({@link MachineJson#strict()}: unknown fields, duplicate keys,
 * trailing content, nulls for numbers and every scalar coercion are refused); responses are written losslessly with
 * unknown numbers as null.
 */
public final class Json {
    private static final ObjectMapper MAPPER = MachineJson.strict();

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
            return MachineJson.compact().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static String oneLine(Exception e) {
        return MachineJson.oneLine(e);
    }
}
