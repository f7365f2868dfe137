package io.github.rngops.he300.provision.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's {@code environment:}, each variable with where the service's code reads it (file and commit), so the
 * compose file can say so beside it and no variable is set that nothing reads.
 */
final class ServiceEnv {
    /** The sources the citations refer to: the commits the default images are built from. */
    static final String CIRISNODE = "CIRISAI/CIRISNode@0c20f78 ";
    static final String ENGINE = "CIRISAI/CIRISBench@44198dd engine/";
    static final String OLLAMA = "ollama/ollama@fb30760 envconfig/config.go";
    static final String POSTGRES = "docker-library/postgres@6edb0a8 docker-entrypoint.sh";

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();

    ServiceEnv put(String name, String value, String readBy) {
        values.put(name, value);
        sources.put(name, readBy);
        return this;
    }

    Map<String, Object> values() {
        return values;
    }

    Map<String, String> sources() {
        return sources;
    }

    /**
     * {@code yaml} (a compose file as {@link ComposeFile#dump} writes it) with {@code # read by ..} after each
     * variable of each service's {@code environment:} that {@code notes} cites.
     */
    static String annotate(String yaml, Map<String, Map<String, String>> notes) {
        StringBuilder out = new StringBuilder();
        String service = null;
        boolean inServices = false;
        boolean inEnvironment = false;
        for (String line : yaml.split("\n", -1)) {
            if (!line.startsWith(" ")) {
                inServices = line.equals("services:");
                service = null;
            } else if (inServices && line.matches("  [A-Za-z0-9_.-]+:")) {
                service = line.strip().replace(":", "");
                inEnvironment = false;
            } else if (service != null && line.startsWith("    ") && !line.startsWith("     ")) {
                inEnvironment = line.equals("    environment:");
            } else if (inEnvironment && line.startsWith("      ") && !line.startsWith("       ")) {
                String name = line.strip().substring(0, line.strip().indexOf(':'));
                String note = notes.getOrDefault(service, Map.of()).get(name);
                if (note != null) {
                    line = line + "  # read by " + note;
                }
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }
}
