package org.configspec.core.catalog;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.configspec.core.acceptance.AcceptanceProfile;
import org.configspec.core.domain.Device;
import org.configspec.core.domain.DraftModel;
import org.configspec.core.domain.Target;
import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.profile.DraftProfile;

/**
 * Everything the model needs about hardware and models: devices, draft variants, targets with prices, acceptance
 * profiles (draft × target) and draft profiles (device × draft variant). Immutable; names are unique.
 */
public record Catalog(String name, String description, String source, List<Device> devices, List<DraftModel> drafts,
                      List<Target> targets, List<AcceptanceProfile> acceptance, List<DraftProfile> draftProfiles) {
    public Catalog {
        Check.name("catalog.name", name);
        description = description == null ? "" : description;
        source = source == null ? "" : source;
        devices = List.copyOf(devices);
        drafts = List.copyOf(drafts);
        targets = List.copyOf(targets);
        acceptance = List.copyOf(acceptance);
        draftProfiles = List.copyOf(draftProfiles);
        unique("devices", devices.stream().map(Device::name).collect(Collectors.toList()));
        unique("drafts", drafts.stream().map(DraftModel::id).collect(Collectors.toList()));
        unique("targets", targets.stream().map(Target::name).collect(Collectors.toList()));
        unique("draftProfiles", draftProfiles.stream().map(p -> p.device() + " / " + p.draft() + " " + p.quant())
                .collect(Collectors.toList()));
        unique("acceptance", acceptance.stream().map(a -> a.draft() + " " + a.quant() + " -> " + a.target())
                .collect(Collectors.toList()));
    }

    private static void unique(String field, List<String> keys) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String k : keys) {
            if (!seen.add(k)) {
                throw new ConfigSpecException(field + ": duplicate entry '" + k + "'");
            }
        }
    }

    /** The same catalog with every target's prices transformed (command-line price overrides). */
    public Catalog withPrices(java.util.function.UnaryOperator<org.configspec.core.domain.Pricing> change) {
        List<Target> repriced = targets.stream().map(t -> t.withPrice(change.apply(t.price()))).collect(Collectors.toList());
        return new Catalog(name, description, source, devices, drafts, repriced, acceptance, draftProfiles);
    }

    public Optional<Device> device(String deviceName) {
        return devices.stream().filter(d -> d.name().equals(deviceName)).findFirst();
    }

    public Optional<Target> target(String targetName) {
        return targets.stream().filter(t -> t.name().equals(targetName)).findFirst();
    }

    public List<DraftModel> draftsNamed(String draftName) {
        return drafts.stream().filter(d -> d.name().equals(draftName)).collect(Collectors.toList());
    }

    /**
     * The quantisation a user means by draft {@code draftName} and {@code quant} ({@code --draft}, {@code --quant}):
     * {@code quant} itself, or the draft's only variant's when {@code quant} is null. An unknown draft, or a null
     * quant for a draft with several variants, is one error naming the flag and what the catalog has.
     */
    public String quantOf(String draftName, String quant) {
        List<DraftModel> variants = draftsNamed(draftName);
        if (variants.isEmpty()) {
            throw new ConfigSpecException("--draft: unknown value '" + draftName + "'; the catalog has: "
                    + drafts.stream().map(DraftModel::name).distinct().sorted().collect(Collectors.joining(", ")));
        }
        if (quant != null) {
            return quant;
        }
        if (variants.size() > 1) {
            throw new ConfigSpecException("--quant is needed: draft '" + draftName + "' comes in "
                    + variants.stream().map(DraftModel::quant).collect(Collectors.joining(", ")));
        }
        return variants.get(0).quant();
    }

    public Optional<DraftModel> draft(String draftName, String quant) {
        return drafts.stream().filter(d -> d.name().equals(draftName) && d.quant().equals(quant)).findFirst();
    }

    /** The acceptance profile for a draft variant and target: one measured with that quantisation, else the shared one. */
    public Optional<AcceptanceProfile> acceptanceFor(DraftModel draft, Target target) {
        Optional<AcceptanceProfile> exact = acceptance.stream().filter(a -> a.target().equals(target.name())
                && a.draft().equals(draft.name()) && a.quant().equals(draft.quant())).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return acceptance.stream().filter(a -> a.target().equals(target.name()) && a.draft().equals(draft.name())
                && a.quant().isEmpty()).findFirst();
    }

    public Optional<DraftProfile> draftProfile(Device device, DraftModel draft) {
        return draftProfiles.stream().filter(p -> p.device().equals(device.name()) && p.draft().equals(draft.name())
                && p.quant().equals(draft.quant())).findFirst();
    }
}
