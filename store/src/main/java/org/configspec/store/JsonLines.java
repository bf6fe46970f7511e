package org.configspec.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.configspec.core.error.ConfigSpecException;

/**
 * Exports a store's documents to a JSON Lines file and imports them back. Line 1 is the header
 * {@code {"format":"configspec-store-export","version":2}}; every further line is one document:
 * {@code {"id":..,"kind":..,"keys":{"device":..,"draft":..,"quant":..,"target":..},"created":"ISO-8601","document":{..}}}
 * (null keys left out). The run log is not exported: it is working state of one device.
 * <p>Version 2 (catalog format version 2 inside: every measured figure names its aggregation and unit) is written;
 * version 1 files import too. Documents describe their own shape, so a version 2 file may hold documents stored in
 * the version 1 shape ({@code "mean"}), and {@code CatalogReader} reads both; the version only tells an older reader
 * that it may meet figures it does not know. Every line is read with the strict input rules of
 * {@link org.configspec.core.json.MachineJson}.
 */
public final class JsonLines {
    public static final String FORMAT = "configspec-store-export";
    public static final int VERSION = 2;
    public static final int VERSION_1 = 1;
    private static final List<String> LINE_FIELDS = List.of("id", "kind", "keys", "created", "document");

    private JsonLines() {
    }

    /** Writes every document (oldest first) to the file; returns how many. */
    public static int export(ProfileStore store, Path file) {
        List<ProfileDocument> docs = store.list(ProfileFilter.ALL);
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                ObjectNode header = CanonicalJson.MAPPER.createObjectNode();
                header.put("format", FORMAT);
                header.put("version", VERSION);
                w.write(CanonicalJson.MAPPER.writeValueAsString(header));
                w.write('\n');
                for (ProfileDocument d : docs) {
                    w.write(CanonicalJson.MAPPER.writeValueAsString(line(d)));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new ConfigSpecException("export " + file + ": cannot write: " + e.getMessage(), e);
        }
        return docs.size();
    }

    static ObjectNode line(ProfileDocument d) {
        ObjectNode n = CanonicalJson.MAPPER.createObjectNode();
        n.put("id", d.id());
        n.put("kind", d.kind());
        ObjectNode keys = n.putObject("keys");
        putIfSet(keys, "device", d.keys().device());
        putIfSet(keys, "draft", d.keys().draft());
        putIfSet(keys, "quant", d.keys().quant());
        putIfSet(keys, "target", d.keys().target());
        n.put("created", d.created().toString());
        n.set("document", d.tree());
        return n;
    }

    private static void putIfSet(ObjectNode n, String field, String v) {
        if (v != null) {
            n.put(field, v);
        }
    }

    /** Reads every document of the file; a malformed line is an error naming the file and line. */
    public static List<ProfileDocument> read(Path file) {
        return read(file, false);
    }

    /**
     * Reads every document of the file and also checks the documents a catalog or a simulation is built from ("draft",
     * "acceptance" and "calibration") field by field, so a bad figure is refused at import rather than at a later {@code select}.
     */
    public static List<ProfileDocument> readChecked(Path file) {
        return read(file, true);
    }

    private static List<ProfileDocument> read(Path file, boolean checkKinds) {
        List<ProfileDocument> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int lineNo = 0;
            boolean header = false;
            while ((text = r.readLine()) != null) {
                lineNo++;
                if (text.isBlank()) {
                    continue;
                }
                String where = "import " + file + " line " + lineNo;
                JsonNode n = CanonicalJson.parse(text, where);
                if (!header) {
                    JsonNode version = n.path("version");
                    if (!n.path("format").isTextual() || !FORMAT.equals(n.path("format").asText()) || !version.isInt()
                            || (version.intValue() != VERSION && version.intValue() != VERSION_1)) {
                        throw new ConfigSpecException(where + ": expected the header {\"format\":\"" + FORMAT
                                + "\",\"version\":" + VERSION + "} (or version " + VERSION_1 + "), got " + abbreviate(text));
                    }
                    header = true;
                    continue;
                }
                out.add(document(n, where, checkKinds));
            }
            if (!header) {
                throw new ConfigSpecException("import " + file + ": the file is empty; expected a " + FORMAT + " header line");
            }
        } catch (NoSuchFileException e) {
            throw new ConfigSpecException("import " + file + ": no such file");
        } catch (IOException e) {
            throw new ConfigSpecException("import " + file + ": cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    private static ProfileDocument document(JsonNode n, String where, boolean checkKinds) {
        if (!n.isObject()) {
            throw new ConfigSpecException(where + ": expected a JSON object, got " + n.getNodeType());
        }
        for (java.util.Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!LINE_FIELDS.contains(f)) {
                throw new ConfigSpecException(where + ": unknown field \"" + f + "\"; allowed: " + String.join(", ", LINE_FIELDS));
            }
        }
        for (String f : new String[] {"id", "kind", "created"}) {
            if (!n.path(f).isTextual()) {
                throw new ConfigSpecException(where + ": field \"" + f + "\" must be a string, got " + n.path(f).getNodeType());
            }
        }
        if (!n.path("document").isObject()) {
            throw new ConfigSpecException(where + ": field \"document\" must be a JSON object, got " + n.path("document").getNodeType());
        }
        JsonNode k = n.path("keys");
        Instant created;
        try {
            created = Instant.parse(n.get("created").asText());
        } catch (DateTimeParseException e) {
            throw new ConfigSpecException(where + ": field \"created\" must be an ISO-8601 instant like 2026-11-28T16:00:00Z, got \""
                    + n.get("created").asText() + "\"");
        }
        ProfileDocument d;
        try {
            d = new ProfileDocument(n.get("id").asText(), n.get("kind").asText(),
                    new ProfileKeys(text(k, "device"), text(k, "draft"), text(k, "quant"), text(k, "target")), created,
                    CanonicalJson.text(n.get("document")));
        } catch (ConfigSpecException e) {
            throw new ConfigSpecException(where + ": " + e.getMessage(), e);
        }
        String at = where + ": profile " + d.id();
        if (!checkKinds) {
            return d;
        }
        if (DraftDocument.KIND.equals(d.kind())) {
            DraftDocument.parseAt(d, at);
        } else if (AcceptanceDocument.KIND.equals(d.kind())) {
            AcceptanceDocument.parseAt(d, at);
        } else if (CalibrationDocument.KIND.equals(d.kind())) {
            CalibrationDocument.parse(d.tree(), at);
        } else if (VerifyTimeDocument.KIND.equals(d.kind())) {
            VerifyTimeDocument.parseAt(d, at);
        }
        return d;
    }

    private static String text(JsonNode keys, String field) {
        JsonNode v = keys.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    /** Imports the file's documents in one transaction; duplicates and conflicting ids are skipped and reported. */
    public static ImportReport importFile(ProfileStore store, Path file) {
        return importDocuments(store, read(file));
    }

    /** As {@link #importFile}, after checking every draft, acceptance and calibration document ({@link #readChecked}). */
    public static ImportReport importChecked(ProfileStore store, Path file) {
        return importDocuments(store, readChecked(file));
    }

    private static ImportReport importDocuments(ProfileStore store, List<ProfileDocument> docs) {
        Map<String, ProfileDocument> fresh = new LinkedHashMap<>();
        int duplicates = 0;
        List<String> conflicts = new ArrayList<>();
        for (ProfileDocument d : docs) {
            ProfileDocument seen = fresh.get(d.id());
            Optional<ProfileDocument> stored = seen != null ? Optional.of(seen) : store.get(d.id());
            if (stored.isEmpty()) {
                fresh.put(d.id(), d);
            } else if (stored.get().sameContent(d)) {
                duplicates++;
            } else {
                conflicts.add(d.id());
            }
        }
        store.putAll(new ArrayList<>(fresh.values()));
        return new ImportReport(docs.size(), fresh.size(), duplicates, conflicts);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
