package org.configspec.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.configspec.core.acceptance.AcceptanceProfile;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.domain.Device;
import org.configspec.core.domain.DraftModel;
import org.configspec.core.domain.Pricing;
import org.configspec.core.domain.Target;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.profile.DraftProfile;

/**
 * Builds a core {@link Catalog} from a store's "draft" and "acceptance" documents: devices and draft variants from
 * the draft documents, targets from the acceptance documents with prices supplied by the caller. Where several
 * documents describe the same thing (a device, a draft variant, a device × draft profile, a draft × target
 * acceptance), the newest wins: profiling again supersedes.
 */
public final class StoreCatalog {
    private StoreCatalog() {
    }

    public static Catalog build(ProfileStore store, TargetPrices prices) {
        String where = "store " + store.location();
        List<ProfileDocument> draftDocs = store.list(ProfileFilter.kind(DraftDocument.KIND));
        List<ProfileDocument> accDocs = store.list(ProfileFilter.kind(AcceptanceDocument.KIND));
        if (draftDocs.isEmpty() || accDocs.isEmpty()) {
            throw new ConfigSpecException(where + ": no usable profiles: it holds " + draftDocs.size() + " draft and "
                    + accDocs.size() + " acceptance documents; a catalog needs at least one of each"
                    + " (profile a draft on a device, and its acceptance against a target)");
        }
        Map<String, Device> devices = new LinkedHashMap<>();
        Map<String, DraftModel> drafts = new LinkedHashMap<>();
        Map<String, DraftProfile> profiles = new LinkedHashMap<>();
        for (ProfileDocument d : draftDocs) {
            DraftDocument dd = DraftDocument.parse(d, store.location());
            devices.put(dd.device().name(), dd.device());
            drafts.put(dd.model().id(), dd.model());
            profiles.put(dd.profile().device() + "\n" + dd.model().id(), dd.profile());
        }
        Map<String, AcceptanceProfile> acceptance = new LinkedHashMap<>();
        Map<String, Target> targets = new LinkedHashMap<>();
        for (ProfileDocument d : accDocs) {
            AcceptanceDocument ad = AcceptanceDocument.parse(d, store.location());
            AcceptanceProfile a = ad.acceptance();
            acceptance.put(a.draft() + "\n" + a.quant() + "\n" + a.target(), a);
            Pricing price = prices.forTarget(a.target()).orElseThrow(() -> new ConfigSpecException(where + ": target '"
                    + a.target() + "' (profile " + d.id() + ") has no price; give one for it or a default (prices given for: "
                    + prices.known() + ")"));
            targets.put(a.target(), new Target(a.target(), ad.targetFamily(), ad.targetHfId(), price));
        }
        return new Catalog("store", "profiles from the profile store " + store.location(), where,
                new ArrayList<>(devices.values()), new ArrayList<>(drafts.values()), new ArrayList<>(targets.values()),
                new ArrayList<>(acceptance.values()), new ArrayList<>(profiles.values()));
    }

    /**
     * The draft profiles {@link #build} uses (the newest per device and draft) that were measured on a busy machine,
     * one line each: "device / draft (document id): why".
     */
    public static List<String> flaggedDraftProfiles(ProfileStore store) {
        Map<String, String> used = new LinkedHashMap<>();
        for (ProfileDocument d : store.list(ProfileFilter.kind(DraftDocument.KIND))) {
            DraftDocument dd = DraftDocument.parse(d, store.location());
            String key = dd.profile().device() + " / " + dd.model().id();
            used.put(key, dd.provenance().flagged() ? key + " (" + d.id() + "): " + dd.provenance().contention() : null);
        }
        return used.values().stream().filter(java.util.Objects::nonNull).toList();
    }
}
