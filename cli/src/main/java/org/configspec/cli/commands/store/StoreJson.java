package org.configspec.cli.commands.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.configspec.store.ProfileDocument;
import org.configspec.report.Json;

/** The JSON the store commands print for one profile. */
final class StoreJson {
    private StoreJson() {
    }

    /** id, kind, keys (null where unset), created. */
    static ObjectNode header(ProfileDocument d) {
        ObjectNode n = Json.object();
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

    static ObjectNode full(ProfileDocument d) {
        ObjectNode n = header(d);
        n.set("document", d.tree());
        return n;
    }
}
