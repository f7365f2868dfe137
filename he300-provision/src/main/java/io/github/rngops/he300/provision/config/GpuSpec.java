package io.github.rngops.he300.provision.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The target's GPU ({@code gpu:}); {@code auto} everywhere means "from the host's facts".
 *
 * @param type {@code auto}, or one of {@link #TYPES}
 * @param memoryGb the GPU memory in GB, when not detected
 * @param nvidiaDriver a driver version to install ({@code 550.127.05}), when not the installer's choice
 * @param profile a {@code gpu_profiles} name of the registry, when not chosen from the facts
 */
public record GpuSpec(String type, OptionalInt memoryGb, Optional<String> nvidiaDriver, Optional<String> profile) {
    /** What {@code gpu.type} takes. */
    public static final List<String> TYPES = List.of("auto", "a10", "a100", "rtx4090", "m1", "m2", "m3", "none");

    /**
     * Refuses a null component (a {@code NullPointerException} naming it).
     *
     * @param type {@code auto}, or one of {@link #TYPES}
     * @param memoryGb the GPU memory in GB, when not detected
     * @param nvidiaDriver a driver version to install ({@code 550.127.05}), when not the installer's choice
     * @param profile a {@code gpu_profiles} name of the registry, when not chosen from the facts
     */
    public GpuSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(memoryGb, "memoryGb");
        Objects.requireNonNull(nvidiaDriver, "nvidiaDriver");
        Objects.requireNonNull(profile, "profile");
    }

    /** {@return {@code gpu: auto}: everything from the host's facts (what an absent {@code gpu:} means)} */
    public static GpuSpec auto() {
        return new GpuSpec("auto", OptionalInt.empty(), Optional.empty(), Optional.empty());
    }

    /** The device name a {@code gpu.type} stands for, as {@code nvidia-smi} or {@code sysctl} prints it. */
    static Optional<String> deviceName(String type) {
        return Optional.ofNullable(switch (type) {
            case "a10" -> "NVIDIA A10";
            case "a100" -> "NVIDIA A100";
            case "rtx4090" -> "NVIDIA GeForce RTX 4090";
            case "m1" -> "Apple M1";
            case "m2" -> "Apple M2";
            case "m3" -> "Apple M3";
            default -> null;
        });
    }
}
