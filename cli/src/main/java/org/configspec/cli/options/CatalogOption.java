package org.configspec.cli.options;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.model.VerifyTime;
import org.configspec.core.validation.StoredValidation;
import org.configspec.store.ProfileStore;
import org.configspec.store.ProfileStores;
import org.configspec.store.StoreCatalog;
import org.configspec.store.TargetPrices;
import org.configspec.store.ValidationDocuments;
import org.configspec.store.VerifyTimeDocument;
import picocli.CommandLine.Option;

/** Where the profiles come from: --catalog paper|FILE, or --store [URL] (the profiles measured on your devices). */
public final class CatalogOption {
    @Option(names = "--catalog", paramLabel = "paper|FILE",
            description = "Catalog: 'paper' (built in, the authors' figures) or a catalog JSON file. Default: paper.")
    String catalog;

    @Option(names = "--store", arity = "0..1", fallbackValue = "", paramLabel = "URL",
            description = "Evaluate measured profiles from a profile store instead (sqlite:PATH, a path, or jdbc:postgresql://...;"
                    + " without URL: $CONFIGSPEC_STORE, else ~/.configspec/profiles.db). Needs --price-output.")
    String store;

    private final List<String> notices = new ArrayList<>();
    private final List<StoredValidation> validations = new ArrayList<>();
    private final Map<String, Map.Entry<String, VerifyTimeDocument>> verifyTimes = new LinkedHashMap<>();

    /** Warnings about the profiles the last {@link #load} returned (for stderr), e.g. flagged measurements. */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    /** The validation runs of the store the last {@link #load} read (none for a catalog). */
    public List<StoredValidation> validations() {
        return List.copyOf(validations);
    }

    /** The catalog, or the store's profiles as a catalog with the command line's prices. */
    public Catalog load(ModelOptionsMixin prices) {
        if (store == null) {
            return CatalogReader.load(catalog == null ? CatalogReader.PAPER : catalog);
        }
        if (catalog != null) {
            throw new ConfigSpecException("--catalog and --store exclude each other; give one (got --catalog " + catalog + ")");
        }
        try (ProfileStore s = ProfileStores.openExisting(ProfileStores.resolve(store.isEmpty() ? null : store, System.getenv()))) {
            Catalog c = StoreCatalog.build(s, TargetPrices.of(prices.commandLinePricing("--store")));
            List<String> flagged = StoreCatalog.flaggedDraftProfiles(s);
            if (!flagged.isEmpty()) {
                notices.add("warning: " + flagged.size() + " of the stored draft profiles used were measured on a busy"
                        + " machine (their speeds may be too low): " + String.join("; ", flagged));
            }
            validations.addAll(ValidationDocuments.all(s));
            verifyTimes.putAll(VerifyTimeDocument.newestPerTarget(s));
            return c;
        }
    }

    /**
     * The measured T_v of the store the last {@link #load} read, for an evaluation of {@code targets}: the newest
     * verify-time profile of the one target evaluated; empty when none is stored (or a catalog was read). T_v is one
     * per evaluation, so several targets with a stored profile among them are refused with one line.
     *
     * @param contextTokens the context length T_v is evaluated at
     */
    public Optional<VerifyTime> storedVerifyTime(Collection<String> targets, int contextTokens) {
        List<String> measured = targets.stream().filter(verifyTimes::containsKey).distinct().toList();
        if (measured.isEmpty()) {
            return Optional.empty();
        }
        if (new java.util.HashSet<>(targets).size() > 1) {
            throw new ConfigSpecException("--store: verify-time profiles are stored for " + String.join(", ", measured)
                    + " but T_v is one per evaluation of " + targets.size() + " targets; allowed: --target NAME (one"
                    + " target) or --t-verify/--rtt/--verify-per-token to set T_v");
        }
        Map.Entry<String, VerifyTimeDocument> e = verifyTimes.get(measured.get(0));
        return Optional.of(e.getValue().verifyTime(e.getKey(), contextTokens));
    }

    /** For commands without prices: catalogs only. */
    public Catalog load() {
        if (store != null) {
            throw new ConfigSpecException("--store is not available here; list stored profiles with 'configspec store list'");
        }
        return CatalogReader.load(catalog == null ? CatalogReader.PAPER : catalog);
    }
}
