package org.configspec.profile.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.json.MachineJson;

/** Reads text files line by line (UTF-8, strict; gzip-compressed when the name ends in .gz) for the prompt readers; errors name the file. */
final class Lines {
    /**
     * Third-party format (prompt files (Dolly and users' own JSON Lines)): read with {@link MachineJson#lenient()}, since RFC 8259 allows duplicate keys and
     * a writer we do not control may emit them; this reader checks the shape it needs itself.
     */
    static final ObjectMapper MAPPER = MachineJson.lenient();
    private static final int BUFFER = 1 << 16;

    /** One line and its 1-based number. */
    record Line(int number, String text) {
    }

    private Lines() {
    }

    static List<Line> read(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new ConfigSpecException(what + " " + file + ": is a directory; expected a file");
        }
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, BUFFER) : raw) {
            return read(in, what + " " + file);
        } catch (NoSuchFileException e) {
            throw new ConfigSpecException(what + " " + file + ": no such file");
        } catch (IOException e) {
            throw new ConfigSpecException(what + " " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** A gzip-compressed classpath resource of this module; a missing or unreadable one is a broken build. */
    static List<Line> readGzipResource(String resource, String where) {
        try (InputStream raw = Lines.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException(where + ": resource " + resource + " is missing from the build");
            }
            try (InputStream in = new GZIPInputStream(raw, BUFFER)) {
                return read(in, where);
            }
        } catch (IOException e) {
            throw new IllegalStateException(where + ": resource " + resource + " unreadable", e);
        }
    }

    static List<Line> read(InputStream in, String where) throws IOException {
        byte[] bytes = in.readAllBytes();
        List<Line> out = new ArrayList<>();
        int start = 0;
        int n = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            n++;
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            String s;
            try {
                s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, start, stop - start)).toString();
            } catch (CharacterCodingException e) {
                throw new ConfigSpecException(where + " line " + n + ": not valid UTF-8 text");
            }
            out.add(new Line(n, n == 1 && s.startsWith("\uFEFF") ? s.substring(1) : s));
            start = end + 1;
        }
        return out;
    }

    static JsonNode json(Line line, String where) {
        try {
            JsonNode n = MAPPER.readTree(line.text());
            if (n == null || !n.isObject()) {
                throw new ConfigSpecException(where + " line " + line.number() + ": expected a JSON object, got "
                        + (n == null ? "nothing" : n.getNodeType()));
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new ConfigSpecException(where + " line " + line.number() + ": malformed JSON: " + e.getOriginalMessage());
        }
    }
}
