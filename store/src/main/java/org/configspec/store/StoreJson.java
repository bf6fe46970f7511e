package org.configspec.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The JSON the store commands print for one stored document: its header, or its header and the document. */
public final class StoreJson {
    private StoreJson() {
    }

    /** id, kind, keys (null where unset), created. */
    public static ObjectNode header(ProfileDocument d) {
        ObjectNode n = CanonicalJson.MAPPER.createObjectNode();
        n.put("id", d.id());
        n.put("kind", d.kind());
        ObjectNode k = n.putObject("keys");
        k.put("device", d.keys().device());
        k.put("draft", d.keys().draft());
        k.put("quant", d.keys().quant());
        k.put("target", d.keys().target());
        n.put("created", d.created().toString());
        return n;
    }

    public static ObjectNode full(ProfileDocument d) {
        ObjectNode n = header(d);
        n.set("document", d.tree());
        return n;
    }

    /** {"store": where, "profiles": [header, ...]}. */
    public static ObjectNode list(List<ProfileDocument> docs, String where) {
        ObjectNode root = CanonicalJson.MAPPER.createObjectNode();
        root.put("store", where);
        var arr = root.putArray("profiles");
        docs.forEach(d -> arr.add(header(d)));
        return root;
    }
}
