package org.configspec.store;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import org.configspec.core.json.MachineJson;

/**
 * JSON text in one canonical form: object keys sorted, no whitespace. Equal documents give equal text, so the text
 * can be compared, hashed into content-derived ids and stored unchanged by every database. Read with the project's
 * strict input rules and written losslessly ({@link MachineJson}).
 */
public final class CanonicalJson {
    static final ObjectMapper MAPPER = MachineJson.strict();

    private CanonicalJson() {
    }

    /**
     * Parses JSON text strictly (no duplicate keys, nothing after the value, finite numbers); {@code where} names its
     * origin in the error.
     */
    public static JsonNode parse(String json, String where) {
        return MachineJson.readTree(json, where);
    }

    public static String text(JsonNode node) {
        try {
            return MachineJson.compact().writeValueAsString(sorted(node));
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
