package org.configspec.cli.options;

import org.configspec.report.Format;
import picocli.CommandLine.Option;

/** --format table|csv|json */
public final class FormatOption {
    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            converter = FormatConverter.class, description = "Output format: table, csv or json.")
    Format format;

    public Format get() {
        return format;
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format; allowed: table, csv, json");
            }
        }
    }
}
