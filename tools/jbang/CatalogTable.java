import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Prints a jbang-catalog.json's aliases as tab-separated lines, {@code name<TAB>script-ref<TAB>description}, in
 * catalog order, for ./he300 to read without a JSON parser of its own.
 *
 * <p>Run from source with jbang's jars (which include gson) on the class path:
 * {@code java -cp "<jbang jars>/*" tools/jbang/CatalogTable.java jbang-catalog.json}. Exits 1 on a catalog that
 * is not JSON or has an alias without a script-ref.
 */
public class CatalogTable {
    public static void main(String... args) throws Exception {
        Path catalog = Path.of(args[0]);
        JsonObject root;
        try (Reader in = Files.newBufferedReader(catalog)) {
            root = JsonParser.parseReader(in).getAsJsonObject();
        } catch (RuntimeException e) {
            System.err.println(catalog + ": not a JSON object: " + e.getMessage());
            System.exit(1);
            return;
        }
        JsonObject aliases = root.has("aliases") ? root.getAsJsonObject("aliases") : new JsonObject();
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, JsonElement> alias : aliases.entrySet()) {
            JsonObject fields = alias.getValue().getAsJsonObject();
            if (!fields.has("script-ref")) {
                System.err.println(catalog + ": alias '" + alias.getKey() + "' has no script-ref");
                System.exit(1);
            }
            String description = fields.has("description") ? fields.get("description").getAsString() : "";
            out.append(oneField(alias.getKey())).append('\t')
                    .append(oneField(fields.get("script-ref").getAsString())).append('\t')
                    .append(oneField(description)).append('\n');
        }
        System.out.print(out);
    }

    /** Tabs and line breaks would split the table, so they become spaces. */
    private static String oneField(String value) {
        return value.replaceAll("[\\t\\r\\n]+", " ").strip();
    }
}
