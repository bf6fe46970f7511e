package org.configspec.profile.dataset;

import java.nio.file.Path;
import org.configspec.core.error.ConfigSpecException;

/**
 * Where the Dolly 15k JSON Lines come from: the copy built into ConfigSpec (a gzip-compressed main resource of this
 * module, profile/src/main/resources/datasets/dolly, CC BY-SA 3.0; its README.md gives the attribution) or a
 * user's own file ({@code .jsonl}, or gzip-compressed {@code .jsonl.gz}).
 */
public sealed interface DollyFile permits DollyFile.BuiltIn, DollyFile.OnDisk {
    /** The name {@code --prompts} takes for the built-in copy. */
    String NAME = "dolly";

    /** The copy built into ConfigSpec. */
    static DollyFile builtin() {
        return new BuiltIn();
    }

    /** A user's own copy. */
    static DollyFile of(Path file) {
        return new OnDisk(file);
    }

    /** Where each prompt comes from, for provenance and error messages: "built-in:dolly" or the path. */
    String source();

    /** Short name for {@link PromptSource#describe()}. */
    String name();

    /** The built-in copy, read from the classpath through a {@code GZIPInputStream}. */
    record BuiltIn() implements DollyFile {
        /** The classpath resource. */
        public static final String RESOURCE = "/datasets/dolly/databricks-dolly-15k.dedup.jsonl.gz";

        @Override
        public String source() {
            return "built-in:" + NAME;
        }

        @Override
        public String name() {
            return "built-in databricks-dolly-15k.dedup";
        }
    }

    /**
     * A file on disk.
     *
     * @param path the .jsonl (or .jsonl.gz) file
     */
    record OnDisk(Path path) implements DollyFile {
        public OnDisk {
            if (path == null) {
                throw new ConfigSpecException("dolly: no file given; expected the databricks-dolly-15k .jsonl file");
            }
        }

        @Override
        public String source() {
            return path.toString();
        }

        @Override
        public String name() {
            return String.valueOf(path.getFileName());
        }
    }
}
