package org.configspec.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.configspec.core.acceptance.AcceptanceProfile;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.catalog.CatalogWriter;
import org.configspec.core.error.ConfigSpecException;

/**
 * A stored document of kind "acceptance": how often one draft's tokens are accepted by one target. Shape in
 * {@code store-documents.md}. Prices are not stored: they change, and come from a dated price file or the caller.
 *
 * @param acceptance   the acceptance profile (catalog format under "acceptance")
 * @param targetFamily the target's model family, or ""
 * @param targetHfId   the target's Hugging Face id, or ""
 * @param provenance   where the figures come from
 * @param remote       the serving engine the target ran on, or null for a local target
 */
public record AcceptanceDocument(AcceptanceProfile acceptance, String targetFamily, String targetHfId,
                                 ProfileProvenance provenance, RemoteSource remote) {
    public static final String KIND = "acceptance";

    /** A local target's acceptance. */
    public AcceptanceDocument(AcceptanceProfile acceptance, String targetFamily, String targetHfId,
                              ProfileProvenance provenance) {
        this(acceptance, targetFamily, targetHfId, provenance, null);
    }

    public AcceptanceDocument {
        if (acceptance == null) {
            throw new ConfigSpecException("acceptance document needs an acceptance profile");
        }
        targetFamily = targetFamily == null ? "" : targetFamily;
        targetHfId = targetHfId == null ? "" : targetHfId;
        provenance = provenance == null ? new ProfileProvenance("", "", acceptance.quant(), "", "", 0, null, "") : provenance;
    }

    public ProfileKeys keys() {
        return new ProfileKeys(null, acceptance.draft(), acceptance.quant(), acceptance.target());
    }

    public ObjectNode toJson() {
        ObjectNode n = CanonicalJson.MAPPER.createObjectNode();
        n.put("kind", KIND);
        n.set("acceptance", CatalogWriter.acceptance(acceptance));
        ObjectNode t = n.putObject("target");
        t.put("name", acceptance.target());
        t.put("family", targetFamily);
        t.put("hfId", targetHfId);
        n.set("provenance", provenance.toJson());
        if (remote != null) {
            n.set("remoteTarget", remote.toJson());
        }
        return n;
    }

    public ProfileDocument toDocument(Instant created) {
        return ProfileDocument.of(KIND, keys(), toJson(), created);
    }

    /** Parses a stored document of kind "acceptance"; errors name the store and document id. */
    public static AcceptanceDocument parse(ProfileDocument d, String store) {
        return parseAt(d, "store " + store + " profile " + d.id());
    }

    /** Parses a stored document of this kind; {@code where} starts every error. */
    static AcceptanceDocument parseAt(ProfileDocument d, String where) {
        Fields f = new Fields(where, "", d.tree());
        try {
            AcceptanceProfile a = CatalogReader.acceptance(f.raw("acceptance"), where);
            Fields t = f.object("target");
            String name = t.string("name");
            if (!name.equals(a.target())) {
                throw t.error("name", "is '" + name + "' but the acceptance profile's target is '" + a.target() + "'");
            }
            ProfileProvenance prov = f.has("provenance") ? ProfileProvenance.read(f.object("provenance")) : null;
            RemoteSource remote = f.has("remoteTarget") ? RemoteSource.read(f.object("remoteTarget")) : null;
            return new AcceptanceDocument(a, t.string("family", ""), t.string("hfId", ""), prov, remote);
        } catch (ConfigSpecException e) {
            throw e.getMessage().contains(where) ? e : new ConfigSpecException(where + ": " + e.getMessage(), e);
        }
    }
}
