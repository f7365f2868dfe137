package io.github.rngops.he300.provision.config;

import io.github.rngops.he300.core.config.ConfigException;
import io.github.rngops.he300.core.config.ConfigNode;
import io.github.rngops.he300.core.config.Problems;
import io.github.rngops.he300.core.config.Section;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One secret of {@code install.yaml}: its value in the file, or its {@code *_file}, or an environment variable, or
 * generated; checked for what {@code .env} and database URLs can carry. A problem never shows the value.
 */
final class SecretReader {
    private static final Pattern SECRET = Pattern.compile("[!#%&()*+,./0-9:;<=>?@A-Z\\[\\]^_a-z{|}~-]+");
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9._~-]+");

    private final ConfigReader reader;
    private final String file;
    private final Path baseDir;
    private final Problems problems;

    SecretReader(ConfigReader reader, String file, Path baseDir, Problems problems) {
        this.reader = reader;
        this.file = file;
        this.baseDir = baseDir;
        this.problems = problems;
    }

    /**
     * A secret from the file (a value, or a {@code key_file}), else the environment variable {@code env}, else
     * generated (when {@code generate}). Problems never show the value.
     */
    Optional<Secret> read(Section s, String key, String env, boolean generate, boolean urlSafe) {
        ConfigNode valueNode = s.get(key);
        ConfigNode fileNode = s.get(key + "_file");
        Optional<String> inline = valueNode.text().filter(v -> !v.isEmpty());
        Optional<String> fromFile = fileNode.text().filter(v -> !v.isEmpty());
        Secret secret = null;
        ConfigNode at = valueNode;
        if (inline.isPresent() && fromFile.isPresent()) {
            fileNode.problem("give " + valueNode.path() + " or " + fileNode.path() + ", not both");
            return generate ? Optional.of(Secret.generate(reader.random())) : Optional.empty();
        } else if (inline.isPresent()) {
            secret = Secret.of(inline.get(), file);
        } else if (fromFile.isPresent()) {
            at = fileNode;
            Path path = resolve(fromFile.get());
            try {
                String text = ConfigReader.readText(path, path.toString(), fileNode).strip();
                if (text.isEmpty()) {
                    fileNode.problem(path + " is empty");
                } else {
                    secret = Secret.of(text, "file " + path);
                }
            } catch (ConfigException e) {
                e.problems().forEach(problems::add);
            }
        } else if (!reader.environment().getOrDefault(env, "").isEmpty()) {
            secret = Secret.of(reader.environment().get(env).strip(), "env " + env);
        } else if (generate) {
            secret = Secret.generate(reader.random());
        }
        if (secret != null && !secret.origin().equals("generated")) {
            String where = secret.origin().equals(file) ? "" : " (from " + secret.origin() + ")";
            String value = secret.reveal();
            if (!SECRET.matcher(value).matches()) {
                at.problem("the value" + where + " has a space, quote, '$' or '\\' or a non-ASCII character:"
                        + " leave it empty to generate one");
            } else if (urlSafe && !URL_SAFE.matcher(value).matches()) {
                at.problem("the value" + where + " must use only A-Z a-z 0-9 . _ ~ - (it goes into a database URL):"
                        + " leave it empty to generate one");
            } else if (value.length() < 16 && !key.equals("auth_key")) {
                at.problem("the value" + where + " is " + value.length() + " characters: use at least 16, or leave"
                        + " it empty to generate one");
            }
        }
        if (secret == null && generate) {
            secret = Secret.generate(reader.random());   // a problem was recorded; keep reading
        }
        return Optional.ofNullable(secret);
    }

    /** {@code path} relative to {@code install.yaml}'s folder, {@code ~} expanded. */
    Path resolve(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return reader.home().resolve(path.equals("~") ? "" : path.substring(2));
        }
        return baseDir.resolve(path);
    }
}
