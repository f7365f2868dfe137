package io.github.rngops.he300.cli;

import io.github.rngops.he300.client.target.Credentials;
import io.github.rngops.he300.core.He300Exception;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where credentials come from: environment variables, never flags (which land in shell history), or a file.
 *
 * <ul>
 *   <li>{@code HE300_TOKEN}: a ready bearer token;</li>
 *   <li>{@code HE300_API_KEY}: an API key, sent as the target expects; {@code API_KEY}, which the seed's CI workflow
 *       sets, is read when {@code HE300_API_KEY} is not;</li>
 *   <li>{@code HE300_USERNAME} and {@code HE300_PASSWORD}: a CIRISNode login.</li>
 * </ul>
 *
 * <p>A credentials file holds the same names as {@code KEY=VALUE} lines ({@code #} starts a comment line, blank lines
 * are skipped, a value may be quoted with {@code "} or {@code '}); it replaces the environment for those names. A
 * file that others may read is used with a warning; an unknown name is refused, as it is likely a typo.
 */
public final class CredentialSources {

    static final List<String> NAMES = List.of("HE300_TOKEN", "HE300_API_KEY", "HE300_USERNAME", "HE300_PASSWORD");

    private CredentialSources() {
    }

    /**
     * The credentials from {@code file} if given, else from {@code env}.
     *
     * @param file a file of {@code KEY=VALUE} lines, or null to read {@code env}
     * @param env the environment ({@code HE300_TOKEN}, {@code HE300_API_KEY}, {@code HE300_USERNAME} and
     *     {@code HE300_PASSWORD}, the seed's {@code API_KEY})
     * @param warnings where a warning about a file others can read goes
     * @return the credentials found, possibly none
     * @throws He300Exception if the file cannot be read or has a malformed line or unknown name
     */
    public static Credentials load(Path file, Map<String, String> env, PrintWriter warnings) {
        Map<String, String> values = new HashMap<>();
        if (file != null) {
            values.putAll(readFile(file, warnings));
        } else {
            NAMES.forEach(name -> {
                if (env.get(name) != null) {
                    values.put(name, env.get(name));
                }
            });
            if (values.get("HE300_API_KEY") == null && env.get("API_KEY") != null) {
                values.put("HE300_API_KEY", env.get("API_KEY"));
            }
        }
        try {
            return new Credentials(values.get("HE300_TOKEN"), values.get("HE300_API_KEY"),
                    values.get("HE300_USERNAME"), values.get("HE300_PASSWORD"));
        } catch (IllegalArgumentException e) {
            throw new He300Exception(e.getMessage() + (file == null ? "" : " (in " + file + ")"), e);
        }
    }

    static Map<String, String> readFile(Path file, PrintWriter warnings) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new He300Exception("no credentials file " + file, e);
        } catch (IOException e) {
            throw new He300Exception("cannot read the credentials file " + file + ": " + e.getMessage(), e);
        }
        warnIfOthersCanRead(file, warnings);
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw new He300Exception(file + " line " + (i + 1) + " is not KEY=VALUE");
            }
            String name = line.substring(0, eq).strip();
            if (!NAMES.contains(name)) {
                throw new He300Exception(file + " line " + (i + 1) + ": unknown name " + name + " (use "
                        + String.join(", ", NAMES) + ")");
            }
            values.put(name, unquote(line.substring(eq + 1).strip()));
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static void warnIfOthersCanRead(Path file, PrintWriter warnings) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return;
        }
        Set<PosixFilePermission> open = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        open.retainAll(permissions);
        if (!open.isEmpty()) {
            warnings.println("warning: the credentials file " + file + " can be read by "
                    + (open.contains(PosixFilePermission.OTHERS_READ) ? "every user" : "its group")
                    + "; restrict it with: chmod 600 " + file);
            warnings.flush();
        }
    }
}
