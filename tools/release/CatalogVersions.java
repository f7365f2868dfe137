import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints the aliases of a jbang-catalog.json, one a line, after checking that each names the release a published
 * alias runs: {@code "properties": {"he300.version": VERSION}}. Exits 1 naming the aliases that do not, so a
 * release cannot go out with a catalog that sends {@code jbang <alias>@rng-ops/he300} to another version.
 *
 *   java tools/release/CatalogVersions.java jbang-catalog.json VERSION
 */
class CatalogVersions {
    // A named object holding at most flat objects (an alias, with its "properties"); aliases have a script-ref.
    private static final Pattern ALIAS = Pattern.compile(
            "\"([\\w.-]+)\"\\s*:\\s*\\{((?:[^{}]|\\{[^{}]*\\})*)\\}");
    private static final Pattern VERSION = Pattern.compile("\"he300\\.version\"\\s*:\\s*\"([^\"]*)\"");

    public static void main(String... args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java CatalogVersions.java jbang-catalog.json VERSION");
            System.exit(2);
        }
        String json = Files.readString(Path.of(args[0]));
        List<String> aliases = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Matcher alias = ALIAS.matcher(json); alias.find(); ) {
            if (!alias.group(2).contains("\"script-ref\"")) {
                continue;
            }
            aliases.add(alias.group(1));
            Matcher version = VERSION.matcher(alias.group(2));
            String found = version.find() ? version.group(1) : "none";
            if (!found.equals(args[1])) {
                wrong.add(alias.group(1) + " (he300.version " + found + ")");
            }
        }
        if (aliases.isEmpty()) {
            System.err.println(args[0] + ": no aliases with a script-ref");
            System.exit(1);
        }
        if (!wrong.isEmpty()) {
            System.err.println(args[0] + ": aliases that do not run " + args[1] + ": " + String.join(", ", wrong)
                    + "; set \"properties\": {\"he300.version\": \"" + args[1] + "\"} on each");
            System.exit(1);
        }
        aliases.forEach(System.out::println);
    }
}
