package org.configspec.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;

/**
 * One stored profile: a self-describing JSON object (shapes in {@code store-documents.md}) with the keys it is
 * filed under.
 *
 * @param id       content-derived ({@link #of}) or any caller-chosen id of 1..64 characters [A-Za-z0-9._:-]
 * @param kind     "draft", "acceptance", "power", "run", ... (lower case, 1..64 characters [a-z0-9_-])
 * @param keys     device, draft, quant, target (each nullable)
 * @param created  when the document was created (millisecond precision, as stored)
 * @param document the JSON object as canonical text (keys sorted, no whitespace)
 */
public record ProfileDocument(String id, String kind, ProfileKeys keys, Instant created, String document) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    public ProfileDocument {
        Check.present("profile id", id);
        if (!ID.matcher(id).matches()) {
            throw new ConfigSpecException("profile id '" + id + "' is not allowed; use 1..64 characters of A-Z a-z 0-9 . _ : -");
        }
        Check.present("profile " + id + ": kind", kind);
        if (!KIND.matcher(kind).matches()) {
            throw new ConfigSpecException("profile " + id + ": kind '" + kind
                    + "' is not allowed; use a lower-case word of 1..64 characters a-z 0-9 _ - (draft, acceptance, power, run)");
        }
        keys = keys == null ? ProfileKeys.NONE : keys;
        Check.present("profile " + id + ": created", created);
        created = created.truncatedTo(ChronoUnit.MILLIS);
        Check.present("profile " + id + ": document", document);
        JsonNode tree = CanonicalJson.parse(document, "profile " + id);
        if (!tree.isObject()) {
            throw new ConfigSpecException("profile " + id + ": document must be a JSON object, got " + tree.getNodeType());
        }
        document = CanonicalJson.text(tree);
    }

    /** A document with a content-derived id: kind, keys and the document's canonical text decide it; time does not. */
    public static ProfileDocument of(String kind, ProfileKeys keys, JsonNode document, Instant created) {
        ProfileKeys k = keys == null ? ProfileKeys.NONE : keys;
        String text = CanonicalJson.text(document);
        String identity = kind + "\n" + k.device() + "\n" + k.draft() + "\n" + k.quant() + "\n" + k.target() + "\n" + text;
        return new ProfileDocument(kind + "-" + CanonicalJson.sha256(identity, 20), kind, k, created, text);
    }

    /** The document parsed. */
    public JsonNode tree() {
        return CanonicalJson.parse(document, "profile " + id);
    }

    /** True when both hold the same kind, keys and document (the creation time may differ). */
    public boolean sameContent(ProfileDocument o) {
        return kind.equals(o.kind) && keys.equals(o.keys) && document.equals(o.document);
    }
}
