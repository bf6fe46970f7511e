package org.configspec.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.configspec.core.error.ConfigSpecException;

/** A JSON object read with its path, so every error names the file, the field and the value. */
final class JsonFields {
    private final String file;
    private final String path;
    private final JsonNode node;

    JsonFields(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
        if (node == null || !node.isObject()) {
            throw error(path.isEmpty() ? "the document" : path, "must be a JSON object, got " + describe(node));
        }
    }

    String path() {
        return path;
    }

    ConfigSpecException error(String where, String what) {
        return new ConfigSpecException("catalog " + file + ": " + where + ": " + what);
    }

    ConfigSpecException error(String what) {
        return error(path.isEmpty() ? "the document" : path, what);
    }

    private String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    void onlyFields(String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ok.contains(f)) {
                throw error(at(f), "unknown field; allowed: " + String.join(", ", new TreeSet<>(ok)));
            }
        }
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    String string(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw error(at(field), "is missing");
        }
        if (!v.isTextual()) {
            throw error(at(field), "must be a string, got " + describe(v));
        }
        return v.asText();
    }

    String string(String field, String fallback) {
        return has(field) ? string(field) : fallback;
    }

    double number(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw error(at(field), "is missing");
        }
        if (!v.isNumber()) {
            throw error(at(field), "must be a number, got " + describe(v));
        }
        return v.asDouble();
    }

    double number(String field, double fallback) {
        return has(field) ? number(field) : fallback;
    }

    long integer(String field, long fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber()) {
            throw error(at(field), "must be an integer, got " + describe(v));
        }
        return v.asLong();
    }

    JsonFields object(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw error(at(field), "is missing");
        }
        return new JsonFields(file, at(field), v);
    }

    List<JsonFields> objects(String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw error(at(field), "is missing");
            }
            return List.of();
        }
        if (!v.isArray()) {
            throw error(at(field), "must be an array, got " + describe(v));
        }
        List<JsonFields> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(new JsonFields(file, at(field) + "[" + i + "]", v.get(i)));
        }
        return out;
    }

    double[] numbers(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return new double[0];
        }
        if (!v.isArray()) {
            throw error(at(field), "must be an array of numbers, got " + describe(v));
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isNumber()) {
                throw error(at(field) + "[" + i + "]", "must be a number, got " + describe(v.get(i)));
            }
            out[i] = v.get(i).asDouble();
        }
        return out;
    }

    private static String describe(JsonNode v) {
        if (v == null || v.isNull()) {
            return "nothing";
        }
        String text = v.toString();
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
}
