package org.configspec.store;

import java.time.Instant;
import java.util.List;
import org.configspec.core.acceptance.AcceptanceMode;
import org.configspec.core.acceptance.AcceptanceProfile;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.validation.StoredInputs;
import org.configspec.core.validation.ValidationReport;

/**
 * The store query that turns stored profiles into model inputs: the newest acceptance document of (draft, target) and
 * the newest draft document of (device, draft); and saving a validate run as a "validation" document.
 *
 * @param where       the store
 * @param location    the store's location as it names itself in messages
 * @param inputs      the model inputs read from the two documents
 * @param keys        device, draft, quant and target the inputs describe
 * @param powerMethod how the stored drafting power was measured
 */
public record StoredProfiles(StoreLocation where, String location, StoredInputs inputs, ProfileKeys keys, String powerMethod) {
    public static final String TOOL = "configspec 0.1.0 validate";

    /** The inputs for draft {@code draft} against {@code target}; {@code device} null = the only device with it. */
    public static StoredProfiles load(StoreLocation where, String device, String draft, String target) {
        try (ProfileStore s = ProfileStores.openExisting(where)) {
            String loc = s.location();
            List<ProfileDocument> drafts = s.list(new ProfileFilter(DraftDocument.KIND, null, draft, null));
            List<String> devices = drafts.stream().map(d -> d.keys().device()).distinct().sorted().toList();
            String dev = device;
            if (dev == null) {
                if (devices.size() != 1) {
                    throw new ConfigSpecException("store " + loc + ": " + (devices.isEmpty()
                            ? "no draft profile of " + draft + " on any device (profile it: configspec profile all --store "
                                    + loc + " --drafts " + draft + ")"
                            : "draft " + draft + " is profiled on several devices; pick one with --device: "
                                    + String.join(", ", devices)));
                }
                dev = devices.get(0);
            }
            String finalDev = dev;
            List<ProfileDocument> onDevice = drafts.stream().filter(d -> finalDev.equals(d.keys().device())).toList();
            if (onDevice.isEmpty()) {
                throw new ConfigSpecException("store " + loc + ": no draft profile of " + draft + " on device '" + dev
                        + "'; devices with this draft: " + (devices.isEmpty() ? "none" : String.join(", ", devices)));
            }
            ProfileDocument dd = onDevice.get(onDevice.size() - 1);
            DraftDocument draftDoc = DraftDocument.parse(dd, loc);
            List<ProfileDocument> accs = s.list(new ProfileFilter(AcceptanceDocument.KIND, null, draft, target));
            if (accs.isEmpty()) {
                throw new ConfigSpecException("store " + loc + ": no acceptance profile of " + draft + " against " + target
                        + " (profile it: configspec profile all --store " + loc + " --drafts " + draft + " --target "
                        + target + ")");
            }
            ProfileDocument ad = accs.get(accs.size() - 1);
            AcceptanceProfile a = AcceptanceDocument.parse(ad, loc).acceptance();
            var p = draftDoc.profile();
            StoredInputs in = new StoredInputs(a.curve(AcceptanceMode.AUTO), a.curve(AcceptanceMode.IID), ad.id(),
                    p.tokPerS().value(), p.powerKnown() ? p.powerW().value() : Double.NaN, dd.id());
            return new StoredProfiles(where, loc, in, new ProfileKeys(dev, draft, p.quant(), target),
                    draftDoc.provenance().powerMethod());
        }
    }

    /** Stores the run as a "validation" document; returns its id. */
    public String save(ValidationReport r, String draftSha256, String targetSha256, int threads, int tokens, int prompts) {
        Instant now = Instant.now();
        ProfileProvenance prov = new ProfileProvenance(TOOL, draftSha256, keys.quant(), keys.device(),
                inputs.powerKnown() ? "stored drafting power (" + powerMethod + "), no sensor" : "none", threads, null,
                now.toString());
        ProfileDocument doc = ValidationDocuments.of(r, keys, draftSha256, targetSha256, prov, tokens, prompts, now);
        try (ProfileStore s = ProfileStores.open(where)) {
            s.put(doc);
        }
        return doc.id();
    }
}
