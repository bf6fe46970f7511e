package org.configspec.core.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.configspec.core.acceptance.AcceptanceProfile;
import org.configspec.core.domain.Device;
import org.configspec.core.domain.DraftModel;
import org.configspec.core.domain.Pricing;
import org.configspec.core.domain.Target;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.profile.DraftProfile;
import org.configspec.core.profile.Provenance;
import org.configspec.core.stats.Summary;

/**
 * Reads a catalog document (format "configspec-catalog", version 1; schema in {@code catalog.schema.json}).
 * Every error is one line naming the file, the field path and the bad value.
 */
public final class CatalogReader {
    public static final String FORMAT = "configspec-catalog";
    public static final int VERSION = 1;
    public static final String PAPER = "paper";
    private static final String PAPER_RESOURCE = "/catalogs/paper.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CatalogReader() {
    }

    /** The built-in catalog of the paper authors' figures. */
    public static Catalog paper() {
        try (InputStream in = CatalogReader.class.getResourceAsStream(PAPER_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in catalog " + PAPER_RESOURCE + " is missing from the build");
            }
            return parse(MAPPER.readTree(in), "paper (built-in)");
        } catch (IOException e) {
            throw new IllegalStateException("built-in catalog unreadable", e);
        }
    }

    /** "paper" for the built-in catalog, otherwise a file path. */
    public static Catalog load(String nameOrPath) {
        return PAPER.equals(nameOrPath) ? paper() : read(Path.of(nameOrPath));
    }

    public static Catalog read(Path file) {
        String name = file.toString();
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // a named pipe or device would block the read for ever, a directory fails obscurely
            throw new ConfigSpecException("catalog " + name + ": not a regular file (a directory, pipe or device);"
                    + " expected a catalog JSON file");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ConfigSpecException("catalog " + name + ": no such file");
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ConfigSpecException("catalog " + name + ": malformed JSON at line " + (loc == null ? "?" : loc.getLineNr())
                    + ", column " + (loc == null ? "?" : loc.getColumnNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigSpecException("catalog " + name + ": cannot read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigSpecException("catalog " + name + ": the file is empty; expected a JSON object with format \"" + FORMAT + "\"");
        }
        return parse(root, name);
    }

    public static Catalog parse(JsonNode root, String file) {
        JsonFields doc = new JsonFields(file, "", root);
        doc.onlyFields("$schema", "format", "version", "name", "description", "source", "devices", "drafts", "targets",
                "acceptance", "draftProfiles");
        String format = doc.string("format");
        if (!FORMAT.equals(format)) {
            throw doc.error("format", "must be \"" + FORMAT + "\", got \"" + format + "\"");
        }
        long version = doc.integer("version", -1);
        if (version != VERSION) {
            throw doc.error("version", "must be " + VERSION + ", got " + (version == -1 ? "nothing" : version));
        }
        List<Device> devices = each(doc.objects("devices", true), CatalogReader::device);
        List<DraftModel> drafts = each(doc.objects("drafts", true), CatalogReader::draft);
        List<Target> targets = each(doc.objects("targets", true), CatalogReader::target);
        List<JsonFields> accNodes = doc.objects("acceptance", true);
        List<AcceptanceProfile> acceptance = each(accNodes, CatalogReader::acceptance);
        List<JsonFields> dpNodes = doc.objects("draftProfiles", true);
        List<DraftProfile> profiles = each(dpNodes, CatalogReader::draftProfile);

        Set<String> deviceNames = devices.stream().map(Device::name).collect(Collectors.toSet());
        Set<String> draftNames = drafts.stream().map(DraftModel::name).collect(Collectors.toSet());
        Set<String> draftIds = drafts.stream().map(DraftModel::id).collect(Collectors.toSet());
        Set<String> targetNames = targets.stream().map(Target::name).collect(Collectors.toSet());
        for (int i = 0; i < acceptance.size(); i++) {
            AcceptanceProfile a = acceptance.get(i);
            known(accNodes.get(i), "draft", a.draft(), draftNames);
            known(accNodes.get(i), "target", a.target(), targetNames);
        }
        for (int i = 0; i < profiles.size(); i++) {
            DraftProfile p = profiles.get(i);
            known(dpNodes.get(i), "device", p.device(), deviceNames);
            known(dpNodes.get(i), "draft", p.draft(), draftNames);
            known(dpNodes.get(i), "quant", p.draft() + " " + p.quant(), draftIds);
        }
        try {
            return new Catalog(doc.string("name"), doc.string("description", ""), doc.string("source", ""), devices, drafts,
                    targets, acceptance, profiles);
        } catch (ConfigSpecException e) {
            throw new ConfigSpecException("catalog " + file + ": " + e.getMessage(), e);
        }
    }

    private static void known(JsonFields node, String field, String value, Set<String> known) {
        if (!known.contains(value)) {
            throw node.error(node.path() + "." + field, "unknown " + field + " '" + value + "'; the catalog defines: "
                    + String.join(", ", new java.util.TreeSet<>(known)));
        }
    }

    private static <T> List<T> each(List<JsonFields> nodes, Function<JsonFields, T> parse) {
        List<T> out = new ArrayList<>();
        for (JsonFields n : nodes) {
            try {
                out.add(parse.apply(n));
            } catch (ConfigSpecException e) {
                if (e.getMessage().startsWith("catalog ")) {
                    throw e;
                }
                throw n.error(e.getMessage());
            }
        }
        return out;
    }

    private static Device device(JsonFields n) {
        n.onlyFields("name", "memoryBytes", "idlePowerW", "note");
        return new Device(n.string("name"), n.integer("memoryBytes", 0), n.number("idlePowerW", Double.NaN), n.string("note", ""));
    }

    private static DraftModel draft(JsonFields n) {
        n.onlyFields("name", "family", "paramsB", "variant", "quant", "fileBytes", "hfId");
        return new DraftModel(n.string("name"), n.string("family", ""), n.number("paramsB"), n.string("variant", ""),
                n.string("quant"), n.integer("fileBytes", 0), n.string("hfId", ""));
    }

    private static Target target(JsonFields n) {
        n.onlyFields("name", "family", "hfId", "price");
        JsonFields p = n.object("price");
        p.onlyFields("outputPerMTok", "inputPerMTok", "cachedInputPerMTok", "gpuPerHour", "currency", "asOf", "source");
        String currency = p.string("currency", "USD");
        if (!"USD".equals(currency)) {
            throw p.error(p.path() + ".currency", "must be \"USD\", got \"" + currency + "\"");
        }
        Pricing price = new Pricing(p.number("outputPerMTok"), p.number("inputPerMTok", Double.NaN),
                p.number("cachedInputPerMTok", Double.NaN), p.number("gpuPerHour", Double.NaN), p.string("asOf", ""),
                p.string("source", ""));
        return new Target(n.string("name"), n.string("family", ""), n.string("hfId", ""), price);
    }

    private static Summary summary(JsonFields n) {
        n.onlyFields("k", "mean", "std", "min", "max", "n");
        return new Summary(n.number("mean"), n.number("std", Double.NaN), n.number("min", Double.NaN),
                n.number("max", Double.NaN), (int) n.integer("n", 0));
    }

    /** Parses one acceptance profile in catalog format; errors name {@code where} (e.g. a store document id). */
    public static AcceptanceProfile acceptance(JsonNode node, String where) {
        return each(List.of(new JsonFields(where, "acceptance", node)), CatalogReader::acceptance).get(0);
    }

    /** Parses one draft profile in catalog format; errors name {@code where}. */
    public static DraftProfile draftProfile(JsonNode node, String where) {
        return each(List.of(new JsonFields(where, "draftProfile", node)), CatalogReader::draftProfile).get(0);
    }

    private static AcceptanceProfile acceptance(JsonFields n) {
        n.onlyFields("draft", "quant", "target", "alpha", "perPosition", "source");
        SortedMap<Integer, Summary> alpha = new TreeMap<>();
        for (JsonFields a : n.objects("alpha", false)) {
            long k = a.integer("k", -1);
            if (k < 1) {
                throw a.error(a.path() + ".k", "must be an integer >= 1, got " + (k == -1 ? "nothing" : k));
            }
            if (alpha.put((int) k, summary(a)) != null) {
                throw a.error(a.path() + ".k", "duplicate K " + k);
            }
        }
        return new AcceptanceProfile(n.string("draft"), n.string("quant", ""), n.string("target"), alpha,
                n.numbers("perPosition"), n.string("source", ""));
    }

    private static DraftProfile draftProfile(JsonFields n) {
        n.onlyFields("device", "draft", "quant", "tokPerS", "powerW", "peakMemoryBytes", "provenance");
        Summary power = n.has("powerW") ? summary(n.object("powerW")) : null;
        Provenance prov = Provenance.of("");
        if (n.has("provenance")) {
            JsonFields p = n.object("provenance");
            p.onlyFields("source", "tool", "modelSha256", "powerMethod", "threads", "date");
            prov = new Provenance(p.string("source", ""), p.string("tool", ""), p.string("modelSha256", ""),
                    p.string("powerMethod", ""), (int) p.integer("threads", 0), p.string("date", ""));
        }
        return new DraftProfile(n.string("device"), n.string("draft"), n.string("quant"), summary(n.object("tokPerS")),
                power, n.integer("peakMemoryBytes", 0), prov);
    }
}
