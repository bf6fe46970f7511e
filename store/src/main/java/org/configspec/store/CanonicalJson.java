package org.configspec.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeSet;
import org.configspec.core.error.ConfigSpecException;

/**
 * JSON text in one canonical form: object keys sorted, no whitespace. Equal documents give equal text, so the text
 * can be compared, hashed into content-derived ids and stored unchanged by every database.
 */
public final class CanonicalJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CanonicalJson() {
    }

    /** Parses JSON text; {@code where} names its origin in the error. */
    public static JsonNode parse(String json, String where) {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n == null || n.isMissingNode()) {
                throw new ConfigSpecException(where + ": empty JSON; expected a JSON value");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new ConfigSpecException(where + ": malformed JSON: " + e.getOriginalMessage());
        }
    }

    public static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String json, String where) {
        return text(parse(json, where));
    }

    /** The first {@code hexChars} hex digits of the SHA-256 of the text's UTF-8 bytes. */
    public static String sha256(String text, int hexChars) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h).substring(0, hexChars);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode n) {
        if (n.isObject()) {
            ObjectNode out = MAPPER.createObjectNode();
            TreeSet<String> names = new TreeSet<>();
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            for (String name : names) {
                out.set(name, sorted(n.get(name)));
            }
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = MAPPER.createArrayNode();
            n.forEach(e -> out.add(sorted(e)));
            return out;
        }
        return n;
    }
}
