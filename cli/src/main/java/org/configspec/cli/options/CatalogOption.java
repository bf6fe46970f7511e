package org.configspec.cli.options;

import org.configspec.core.catalog.Catalog;
import org.configspec.core.catalog.CatalogReader;
import picocli.CommandLine.Option;

/** --catalog paper|FILE */
public final class CatalogOption {
    @Option(names = "--catalog", paramLabel = "paper|FILE", defaultValue = "paper",
            description = "Catalog: 'paper' (built in, the authors' figures) or a catalog JSON file. Default: ${DEFAULT-VALUE}.")
    String catalog;

    public Catalog load() {
        return CatalogReader.load(catalog);
    }
}
