package org.configspec.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.catalog.CatalogWriter;
import org.configspec.core.domain.Device;
import org.configspec.core.domain.DraftModel;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.profile.DraftProfile;

/**
 * A stored document of kind "draft": how one draft-model variant runs on one device, with the model and the device
 * it describes, so a catalog can be built from stored documents alone. Shape in {@code store-documents.md}.
 *
 * @param profile     the draft profile (catalog format under "draftProfile")
 * @param model       the draft model variant; its name and quant must match the profile's
 * @param modelSha256 sha256 of the model file, or ""
 * @param device      the device; its name must match the profile's
 * @param provenance  where the figures come from
 */
public record DraftDocument(DraftProfile profile, DraftModel model, String modelSha256, Device device,
                            ProfileProvenance provenance) {
    public static final String KIND = "draft";

    public DraftDocument {
        if (profile == null || model == null || device == null) {
            throw new ConfigSpecException("draft document needs a draft profile, a model and a device");
        }
        String where = "draft document " + profile.draft() + " " + profile.quant() + " on " + profile.device();
        if (!model.name().equals(profile.draft()) || !model.quant().equals(profile.quant())) {
            throw new ConfigSpecException(where + ": model is '" + model.id() + "'; it must be the profiled draft '"
                    + profile.draft() + " " + profile.quant() + "'");
        }
        if (!device.name().equals(profile.device())) {
            throw new ConfigSpecException(where + ": device is '" + device.name() + "'; it must be the profiled device '"
                    + profile.device() + "'");
        }
        modelSha256 = modelSha256 == null ? "" : modelSha256;
        provenance = provenance == null ? new ProfileProvenance(profile.provenance().tool(), modelSha256, profile.quant(),
                profile.device(), profile.provenance().powerMethod(), profile.provenance().threads(), null,
                profile.provenance().date()) : provenance;
    }

    public ProfileKeys keys() {
        return new ProfileKeys(profile.device(), profile.draft(), profile.quant(), null);
    }

    public ObjectNode toJson() {
        ObjectNode n = CanonicalJson.MAPPER.createObjectNode();
        n.put("kind", KIND);
        n.set("draftProfile", CatalogWriter.draftProfile(profile));
        ObjectNode m = n.putObject("model");
        m.put("name", model.name());
        m.put("family", model.family());
        m.put("paramsB", model.paramsB());
        m.put("variant", model.variant());
        m.put("quant", model.quant());
        m.put("fileBytes", model.fileBytes());
        m.put("sha256", modelSha256);
        m.put("hfId", model.hfId());
        ObjectNode d = n.putObject("device");
        d.put("name", device.name());
        d.put("memoryBytes", device.memoryBytes());
        if (!Double.isNaN(device.idlePowerW())) {
            d.put("idlePowerW", device.idlePowerW());
        }
        d.put("note", device.note());
        n.set("provenance", provenance.toJson());
        return n;
    }

    public ProfileDocument toDocument(Instant created) {
        return ProfileDocument.of(KIND, keys(), toJson(), created);
    }

    /** Parses a stored document of kind "draft"; errors name the store and document id. */
    public static DraftDocument parse(ProfileDocument d, String store) {
        return parseAt(d, "store " + store + " profile " + d.id());
    }

    /** Parses a stored document of this kind; {@code where} starts every error. */
    static DraftDocument parseAt(ProfileDocument d, String where) {
        Fields f = new Fields(where, "", d.tree());
        try {
            DraftProfile profile = CatalogReader.draftProfile(f.raw("draftProfile"), where);
            Fields m = f.object("model");
            DraftModel model = new DraftModel(m.string("name"), m.string("family", ""), m.number("paramsB", Double.NaN),
                    m.string("variant", ""), m.string("quant"), m.integer("fileBytes", 0, 0, Long.MAX_VALUE), m.string("hfId", ""));
            Fields dev = f.object("device");
            Device device = new Device(dev.string("name"), dev.integer("memoryBytes", 0, 0, Long.MAX_VALUE), dev.number("idlePowerW", Double.NaN),
                    dev.string("note", ""));
            ProfileProvenance prov = f.has("provenance") ? ProfileProvenance.read(f.object("provenance")) : null;
            return new DraftDocument(profile, model, m.string("sha256", ""), device, prov);
        } catch (ConfigSpecException e) {
            throw e.getMessage().contains(where) ? e : new ConfigSpecException(where + ": " + e.getMessage(), e);
        }
    }
}
