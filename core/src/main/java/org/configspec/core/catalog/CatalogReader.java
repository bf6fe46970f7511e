package org.configspec.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.configspec.core.json.MachineJson;
import org.configspec.core.profile.DraftProfile;
import org.configspec.core.profile.Provenance;
import org.configspec.core.stats.Aggregation;
import org.configspec.core.stats.Interval;
import org.configspec.core.stats.Measured;

/**
 * Reads a catalog document (format "configspec-catalog", version 2 or 1; schema in {@code catalog.schema.json}).
 * Every error is one line naming the file, the field path and the bad value. Input is read with the strict rules of
 * {@link MachineJson}; integers are range-checked per field.
 * <p>Version 2 writes every measured quantity as {@code {"value", "aggregation": "mean"|"median", "unit",
 * "interval": {"low", "high", "level", "method"}, "std", "min", "max", "n"}}. Version 1 had {@code {"mean", "std",
 * "min", "max", "n"}} without an aggregation; it is read as aggregation mean, with one exception: version 1 draft
 * profiles written by {@code DraftMeasurement.toProfile} (profile module; their provenance tool says
 * {@value #V1_MEDIAN_MARK}) put the <em>median</em> of n &gt; 0 repetitions into "mean", so those are read as
 * aggregation median. A version 1 figure with n = 0 came from a llama-bench row without samples (avg ± stddev), a
 * mean.
 */
public final class CatalogReader {
    public static final String FORMAT = "configspec-catalog";
    /** The version this reader writes (through {@link CatalogWriter}); it also reads {@link #VERSION_1}. */
    public static final int VERSION = 2;
    public static final int VERSION_1 = 1;
    public static final String PAPER = "paper";
    /** What a version 1 draft profile's provenance tool says when its "mean" slots hold medians. */
    static final String V1_MEDIAN_MARK = "decode tok/s median";
    private static final String PAPER_RESOURCE = "/catalogs/paper.json";

    private CatalogReader() {
    }

    /** The built-in catalog of the paper authors' figures. */
    public static Catalog paper() {
        try (InputStream in = CatalogReader.class.getResourceAsStream(PAPER_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in catalog " + PAPER_RESOURCE + " is missing from the build");
            }
            return parse(MachineJson.readTree(in.readAllBytes(), "catalog paper (built-in)"), "paper (built-in)");
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigSpecException("catalog " + name + ": no such file");
        } catch (IOException e) {
            throw new ConfigSpecException("catalog " + name + ": cannot read: " + e.getMessage());
        }
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new ConfigSpecException("catalog " + name + ": the file is empty; expected a JSON object with format \"" + FORMAT + "\"");
        }
        return parse(MachineJson.readTree(bytes, "catalog " + name), name);
    }

    public static Catalog parse(JsonNode root, String file) {
        JsonFields doc = new JsonFields("catalog " + file, "", root);
        doc.onlyFields("$schema", "format", "version", "name", "description", "source", "devices", "drafts", "targets",
                "acceptance", "draftProfiles");
        String format = doc.string("format");
        if (!FORMAT.equals(format)) {
            throw doc.error("format", "must be \"" + FORMAT + "\", got \"" + format + "\"");
        }
        if (!doc.has("version")) {
            throw doc.error("version", "is missing; allowed: " + VERSION_1 + " or " + VERSION);
        }
        int version = (int) doc.integer("version", -1, VERSION_1, VERSION);
        List<Device> devices = each(doc.objects("devices", true), CatalogReader::device);
        List<DraftModel> drafts = each(doc.objects("drafts", true), CatalogReader::draft);
        List<Target> targets = each(doc.objects("targets", true), CatalogReader::target);
        List<JsonFields> accNodes = doc.objects("acceptance", true);
        List<AcceptanceProfile> acceptance = each(accNodes, n -> acceptance(n, version));
        List<JsonFields> dpNodes = doc.objects("draftProfiles", true);
        List<DraftProfile> profiles = each(dpNodes, n -> draftProfile(n, version));

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
                if (e.getMessage().startsWith(n.origin() + ": ")) {
                    throw e;
                }
                throw n.error(e.getMessage());
            }
        }
        return out;
    }

    private static Device device(JsonFields n) {
        n.onlyFields("name", "memoryBytes", "idlePowerW", "note");
        return new Device(n.string("name"), n.bytes("memoryBytes"), n.number("idlePowerW", Double.NaN), n.string("note", ""));
    }

    private static DraftModel draft(JsonFields n) {
        n.onlyFields("name", "family", "paramsB", "variant", "quant", "fileBytes", "hfId");
        return new DraftModel(n.string("name"), n.string("family", ""), n.number("paramsB"), n.string("variant", ""),
                n.string("quant"), n.bytes("fileBytes"), n.string("hfId", ""));
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

    /**
     * One measured quantity in {@code unit}. Version 2: value, aggregation, unit (must be {@code unit}), optional
     * interval, std, min, max, n. Version 1: mean, std, min, max, n, read with aggregation {@code v1}.
     */
    private static Measured measured(JsonFields n, int version, String unit, Aggregation v1, String... extra) {
        double std = n.number("std", Double.NaN);
        double min = n.number("min", Double.NaN);
        double max = n.number("max", Double.NaN);
        int count = n.count("n", 0, 0);
        if (version == VERSION_1) {
            n.onlyFields(with(extra, "mean", "std", "min", "max", "n"));
            return new Measured(unit, v1, n.number("mean"), Interval.NONE, std, min, max, count);
        }
        n.onlyFields(with(extra, "value", "aggregation", "unit", "interval", "std", "min", "max", "n"));
        String u = n.string("unit");
        if (!unit.equals(u)) {
            throw n.error(n.path() + ".unit", "must be \"" + unit + "\", got \"" + u + "\"");
        }
        Aggregation aggregation;
        try {
            aggregation = Aggregation.parse("aggregation", n.string("aggregation"));
        } catch (ConfigSpecException e) {
            throw n.error(n.path() + ".aggregation", "must be \"mean\" or \"median\", got \"" + n.string("aggregation") + "\"");
        }
        Interval interval = Interval.NONE;
        if (n.has("interval")) {
            JsonFields i = n.object("interval");
            i.onlyFields("low", "high", "level", "method");
            try {
                interval = new Interval(i.number("low", Double.NaN), i.number("high", Double.NaN), i.number("level", 0),
                        i.string("method", ""));
            } catch (ConfigSpecException e) {
                throw i.error(e.getMessage());
            }
        }
        return new Measured(unit, aggregation, n.number("value"), interval, std, min, max, count);
    }

    private static String[] with(String[] extra, String... fields) {
        String[] all = java.util.Arrays.copyOf(fields, fields.length + extra.length);
        System.arraycopy(extra, 0, all, fields.length, extra.length);
        return all;
    }

    /** Parses one acceptance profile in catalog format (version 2 or 1); errors name {@code where} (e.g. a store document id). */
    public static AcceptanceProfile acceptance(JsonNode node, String where) {
        return acceptance(node, where, formatVersion(node));
    }

    /** Parses one acceptance profile in catalog format of the given version; errors name {@code where}. */
    public static AcceptanceProfile acceptance(JsonNode node, String where, int version) {
        return each(List.of(new JsonFields(where, "acceptance", node)), n -> acceptance(n, version)).get(0);
    }

    /** Parses one draft profile in catalog format (version 2 or 1); errors name {@code where}. */
    public static DraftProfile draftProfile(JsonNode node, String where) {
        return draftProfile(node, where, formatVersion(node));
    }

    /** Parses one draft profile in catalog format of the given version; errors name {@code where}. */
    public static DraftProfile draftProfile(JsonNode node, String where, int version) {
        return each(List.of(new JsonFields(where, "draftProfile", node)), n -> draftProfile(n, version)).get(0);
    }

    /**
     * The catalog format version of a lone profile (store documents carry no version of their own): version 1 when
     * any measured figure has the version 1 field "mean", else version 2.
     */
    public static int formatVersion(JsonNode profile) {
        if (profile == null) {
            return VERSION;
        }
        for (String field : new String[] {"tokPerS", "powerW"}) {
            if (profile.path(field).has("mean")) {
                return VERSION_1;
            }
        }
        for (JsonNode a : profile.path("alpha")) {
            if (a.has("mean")) {
                return VERSION_1;
            }
        }
        return VERSION;
    }

    private static AcceptanceProfile acceptance(JsonFields n, int version) {
        n.onlyFields("draft", "quant", "target", "alpha", "perPosition", "source");
        SortedMap<Integer, Measured> alpha = new TreeMap<>();
        for (JsonFields a : n.objects("alpha", false)) {
            if (!a.has("k")) {
                throw a.error(a.path() + ".k", "is missing; allowed: an integer >= 1");
            }
            int k = a.count("k", -1, 1);
            if (alpha.put(k, measured(a, version, AcceptanceProfile.UNIT, Aggregation.MEAN, "k")) != null) {
                throw a.error(a.path() + ".k", "duplicate K " + k);
            }
        }
        return new AcceptanceProfile(n.string("draft"), n.string("quant", ""), n.string("target"), alpha,
                n.numbers("perPosition"), n.string("source", ""));
    }

    private static DraftProfile draftProfile(JsonFields n, int version) {
        n.onlyFields("device", "draft", "quant", "tokPerS", "powerW", "peakMemoryBytes", "provenance");
        Provenance prov = Provenance.of("");
        if (n.has("provenance")) {
            JsonFields p = n.object("provenance");
            p.onlyFields("source", "tool", "modelSha256", "powerMethod", "threads", "date");
            prov = new Provenance(p.string("source", ""), p.string("tool", ""), p.string("modelSha256", ""),
                    p.string("powerMethod", ""), p.count("threads", 0, 0), p.string("date", ""));
        }
        boolean v1Median = prov.tool().contains(V1_MEDIAN_MARK);
        Measured speed = v1Figure(n.object("tokPerS"), version, DraftProfile.TOK_PER_S, v1Median);
        Measured power = n.has("powerW") ? v1Figure(n.object("powerW"), version, DraftProfile.WATT, v1Median) : null;
        return new DraftProfile(n.string("device"), n.string("draft"), n.string("quant"), speed, power,
                n.bytes("peakMemoryBytes"), prov);
    }

    /** A draft profile figure; in version 1, a median when the profile's tool says so and it has samples (n > 0). */
    private static Measured v1Figure(JsonFields n, int version, String unit, boolean v1Median) {
        boolean median = v1Median && n.count("n", 0, 0) > 0;
        return measured(n, version, unit, median ? Aggregation.MEDIAN : Aggregation.MEAN);
    }
}
