package org.configspec.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import org.configspec.core.json.MachineJson;
import org.junit.jupiter.api.Test;

/** Keeps the published JSON Schema honest: the built-in catalog and what the writer emits validate against it. */
class CatalogSchemaTest {
    private static final ObjectMapper MAPPER = MachineJson.strict();

    private static JsonSchema schema() throws IOException {
        try (InputStream in = CatalogReader.class.getResourceAsStream("/catalog.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void builtInCatalogAndWriterOutputValidate() throws IOException {
        JsonSchema schema = schema();
        try (InputStream in = CatalogReader.class.getResourceAsStream("/catalogs/paper.json")) {
            assertThat(schema.validate(MAPPER.readTree(in))).isEmpty();
        }
        assertThat(schema.validate(MAPPER.readTree(CatalogWriter.toJson(CatalogReader.paper())))).isEmpty();
    }

    @Test
    void schemaRejectsWhatTheReaderRejects() throws IOException {
        JsonNode bad = MAPPER.readTree(CatalogWriter.toJson(CatalogReader.paper()).replaceFirst("\"value\" : 0.5626628714250547", "\"value\" : 1.5"));
        assertThat(schema().validate(bad)).isNotEmpty();
    }
}
