package io.github.rngops.he300.provision.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The target's operating system ({@code os:}): detected (the default), or named.
 *
 * @param manual the OS named by {@code os.manual} when {@code os.detect: manual}; empty when detected
 */
public record OsSpec(Optional<String> manual) {
    /** The names {@code os.manual} takes. */
    public static final List<String> KNOWN = List.of("ubuntu-22.04", "ubuntu-24.04", "lambda-22.04", "lambda-24.04",
            "gpu-base-24.04", "debian-12", "macos");

    /**
     * Refuses a null component (a {@code NullPointerException} naming it).
     *
     * @param manual the OS named by {@code os.manual} when {@code os.detect: manual}; empty when detected
     */
    public OsSpec {
        Objects.requireNonNull(manual, "manual");
    }

    /** {@return {@code os.detect: auto}: the OS is read from the host's facts (the default)} */
    public static OsSpec detect() {
        return new OsSpec(Optional.empty());
    }

    /** {@return whether the OS comes from the host's facts rather than {@code os.manual}} */
    public boolean detected() {
        return manual.isEmpty();
    }
}
