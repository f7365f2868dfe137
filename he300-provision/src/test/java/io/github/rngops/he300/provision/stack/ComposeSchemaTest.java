package io.github.rngops.he300.provision.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every compose file of every variant ({@link StackVariants}) validates against the Compose Specification's JSON
 * schema, read where the project keeps it ({@code ../shared/schemas/compose-spec.json} beside the project root,
 * the {@code he300.shared} property), never a copy.
 */
class ComposeSchemaTest {
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        Path file = Path.of(System.getProperty("he300.shared", "../shared"), "schemas", "compose-spec.json");
        if (!Files.isRegularFile(file)) {
            fail("no compose schema at " + file.toAbsolutePath().normalize() + ": ../shared beside the project root"
                    + " (or -Dhe300.shared=DIR) must hold schemas/compose-spec.json");
        }
        // read here and placed at its file: URI, against which the schema's relative $id (compose_spec.json)
        // resolves; the validator is given the parsed document and fetches nothing
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(
                SchemaLocation.of(file.toAbsolutePath().normalize().toUri().toString()),
                JsonMapper.builder().build().readTree(Files.readString(file)));
    }

    /** The schema's complaints about a compose file, as YAML loads it (compose reads YAML 1.2, so does this). */
    static List<String> problems(String composeYaml) throws IOException {
        Object tree = new Load(LoadSettings.builder().build()).loadFromString(composeYaml);
        String json = new ObjectMapper().writeValueAsString(tree);
        List<String> out = new ArrayList<>();
        for (Error error : schema.validate(json, InputFormat.JSON)) {
            out.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        return out;
    }

    @Test
    void everyComposeFileOfEveryVariantValidates() throws IOException {
        int checked = 0;
        for (Map.Entry<String, StackFiles> variant : StackVariants.all().entrySet()) {
            for (StackFile file : variant.getValue().all()) {
                if (file.name().startsWith("docker-compose")) {
                    assertThat(problems(file.content())).as(variant.getKey() + " " + file.name()).isEmpty();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(2 * StackVariants.all().size());
    }

    @Test
    void theSchemaRefusesWhatComposeWouldRefuse() throws IOException {
        String good = StackVariants.all().get("tunnel").composeFile().content();
        assertThat(problems(good)).isEmpty();
        assertThat(problems(good.replace("    restart: unless-stopped", "    restart: unless-stopped\n    restrat: no")))
                .isNotEmpty();
        assertThat(problems(good.replace("condition: service_healthy", "condition: [healthy]"))).isNotEmpty();
    }
}
