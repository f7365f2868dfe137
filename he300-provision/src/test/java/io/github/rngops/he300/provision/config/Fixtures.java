package io.github.rngops.he300.provision.config;

import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;

/** A reader with a fixed environment and a seeded random source, so generated secrets are the same every run. */
public final class Fixtures {
    private Fixtures() {}

    public static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ConfigReader reader(Map<String, String> env) {
        return ConfigReader.builder().environment(env).random(seeded(42)).home(Path.of("/home/test")).build();
    }

    public static ConfigReader reader() {
        return reader(Map.of());
    }

    public static InstallConfig parse(String yaml) {
        return reader().parse("install.yaml", yaml, Path.of("/etc/he300"));
    }
}
