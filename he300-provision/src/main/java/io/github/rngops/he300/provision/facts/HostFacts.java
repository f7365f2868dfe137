package io.github.rngops.he300.provision.facts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What was detected on a host, before anything is changed: OS, architecture, Lambda Stack signals, NVIDIA GPUs and
 * driver state, Apple silicon, Docker, the NVIDIA runtime and toolkit, privileges and resources. Text that was not
 * detected is empty; numbers that were not detected are 0. {@link #kind()} and {@link #gpuProfile()} are derived.
 *
 * <pre>{@code
 * HostFacts facts = HostFactsProbe.gather(ssh);       // or LocalRunner.create()
 * facts.kind();           // LAMBDA_STACK
 * facts.gpuProfile();     // "a10-24gb"
 * facts.toJson();         // for install --facts --json
 * }</pre>
 *
 * @param os operating system and architecture
 * @param lambdaSignals which Lambda Stack signals matched ({@code /etc/lambda-stack}, {@code dpkg lambda-stack-cuda},
 *     {@code apt source /etc/apt/sources.list.d/...}); empty if none
 * @param nvidia the NVIDIA GPUs and driver state
 * @param appleChip the Apple silicon chip ({@code Apple M2}), or empty
 * @param docker Docker, compose, runtimes and the NVIDIA Container Toolkit
 * @param privilege whether commands can run as root
 * @param user the remote user name
 * @param cpus online CPUs
 * @param memoryBytes physical memory
 * @param diskPath where Docker's data goes: {@code /var/lib/docker} if it exists, else {@code /}
 * @param diskAvailableBytes bytes available on {@code diskPath}
 * @param rebootRequired {@code /var/run/reboot-required} exists, or the driver needs a reboot to load
 */
@JsonPropertyOrder({"kind", "gpuProfile"})
public record HostFacts(Os os, List<String> lambdaSignals, Nvidia nvidia, String appleChip, Docker docker,
        Privilege privilege, String user, int cpus, long memoryBytes, String diskPath, long diskAvailableBytes,
        boolean rebootRequired) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Checks that every component is given; the lists are copied.
     *
     * @param os operating system and architecture
     * @param lambdaSignals which Lambda Stack signals matched
     * @param nvidia the NVIDIA GPUs and driver state
     * @param appleChip the Apple silicon chip, or empty
     * @param docker Docker, compose, runtimes and the toolkit
     * @param privilege whether commands can run as root
     * @param user the remote user name
     * @param cpus online CPUs
     * @param memoryBytes physical memory
     * @param diskPath where Docker's data goes
     * @param diskAvailableBytes bytes available on {@code diskPath}
     * @param rebootRequired whether a reboot is pending
     * @throws NullPointerException if a component is null
     */
    public HostFacts {
        Objects.requireNonNull(os, "os");
        lambdaSignals = List.copyOf(lambdaSignals);
        Objects.requireNonNull(nvidia, "nvidia");
        Objects.requireNonNull(appleChip, "appleChip");
        Objects.requireNonNull(docker, "docker");
        Objects.requireNonNull(privilege, "privilege");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(diskPath, "diskPath");
    }

    /** The kinds of host the installer knows. */
    public enum Kind {
        /** Lambda Stack: driver, CUDA and Docker installed; only the toolkit may be missing. */
        LAMBDA_STACK,
        /** Ubuntu 24.04 with driver, Docker and the container toolkit present: verify only. */
        GPU_BASE,
        /** Ubuntu without all of those: the plan installs what is missing. */
        UBUNTU,
        /** Debian: as Ubuntu, from Debian's repositories. */
        DEBIAN,
        /** macOS: Ollama runs natively (Metal), not in Docker. */
        MAC,
        /** Anything else: the plan installs nothing there and says what to install by hand (Docker first). */
        OTHER
    }

    /** Whether commands can run as root. */
    public enum Privilege {
        /** The user is root. */
        ROOT,
        /** {@code sudo -n} works without a password. */
        PASSWORDLESS_SUDO,
        /** Neither: the install stops at its first step and says how to allow sudo. */
        NONE
    }

    /** The state of the NVIDIA driver. */
    public enum DriverState {
        /** {@code nvidia-smi} lists the GPUs. */
        READY,
        /** {@code Driver/library version mismatch}: the driver was upgraded, a reboot loads it. */
        MISMATCH_REBOOT_NEEDED,
        /** An NVIDIA device is on the PCI bus but {@code nvidia-smi} is not installed. */
        DEVICE_WITHOUT_DRIVER,
        /** {@code nvidia-smi} exists but failed otherwise (see {@link Nvidia#detail()}). */
        FAILED,
        /** No NVIDIA driver and no NVIDIA device seen. */
        NONE
    }

    /**
     * @param kernel {@code uname -s}: Linux, Darwin
     * @param id {@code ID} of /etc/os-release ({@code ubuntu}, {@code debian}), or {@code macos}
     * @param versionId {@code VERSION_ID} ({@code 24.04}), or the macOS product version
     * @param prettyName {@code PRETTY_NAME}, or {@code macOS <version>}
     * @param arch {@code uname -m}: x86_64, aarch64, arm64
     */
    public record Os(String kernel, String id, String versionId, String prettyName, String arch) {
        /**
         * Refuses a null component (a {@code NullPointerException} naming it).
         *
         * @param kernel {@code uname -s}: Linux, Darwin
         * @param id {@code ID} of /etc/os-release ({@code ubuntu}, {@code debian}), or {@code macos}
         * @param versionId {@code VERSION_ID} ({@code 24.04}), or the macOS product version
         * @param prettyName {@code PRETTY_NAME}, or {@code macOS <version>}
         * @param arch {@code uname -m}: x86_64, aarch64, arm64
         */
        public Os {
            Objects.requireNonNull(kernel, "kernel");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(versionId, "versionId");
            Objects.requireNonNull(prettyName, "prettyName");
            Objects.requireNonNull(arch, "arch");
        }

        /** {@return whether the kernel is Darwin (macOS)} */
        public boolean isMac() {
            return kernel.equals("Darwin");
        }
    }

    /**
     * One GPU as {@code nvidia-smi} reports it.
     *
     * @param name {@code NVIDIA A10}
     * @param memoryMiB total memory in MiB ({@code 23028})
     * @param driverVersion {@code 550.127.05}
     */
    public record Gpu(String name, long memoryMiB, String driverVersion) {
        /**
         * Refuses a null component (a {@code NullPointerException} naming it).
         *
         * @param name {@code NVIDIA A10}
         * @param memoryMiB total memory in MiB ({@code 23028})
         * @param driverVersion {@code 550.127.05}
         */
        public Gpu {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(driverVersion, "driverVersion");
        }
    }

    /**
     * @param state the driver state
     * @param gpus the GPUs {@code nvidia-smi} listed (empty unless {@link DriverState#READY})
     * @param pciDevices NVIDIA lines of {@code lspci}
     * @param detail what {@code nvidia-smi} said when it failed, else empty
     */
    public record Nvidia(DriverState state, List<Gpu> gpus, List<String> pciDevices, String detail) {
        /**
         * Refuses a null component (a {@code NullPointerException} naming it), and copies the lists.
         *
         * @param state the driver state
         * @param gpus the GPUs {@code nvidia-smi} listed (empty unless {@link DriverState#READY})
         * @param pciDevices NVIDIA lines of {@code lspci}
         * @param detail what {@code nvidia-smi} said when it failed, else empty
         */
        public Nvidia {
            Objects.requireNonNull(state, "state");
            gpus = List.copyOf(gpus);
            pciDevices = List.copyOf(pciDevices);
            Objects.requireNonNull(detail, "detail");
        }

        /** {@return the driver version of the first GPU, or empty} */
        public String driverVersion() {
            return gpus.isEmpty() ? "" : gpus.get(0).driverVersion();
        }

        /** {@return whether any NVIDIA GPU was seen, with or without a working driver} */
        @JsonProperty
        public boolean present() {
            return !gpus.isEmpty() || !pciDevices.isEmpty() || state == DriverState.MISMATCH_REBOOT_NEEDED;
        }
    }

    /**
     * @param serverVersion {@code docker version --format '{{.Server.Version}}'}, empty if no daemon answered
     * @param composeVersion the compose plugin's version ({@code 2.29.1}), or empty
     * @param runtimes the runtimes {@code docker info} names ({@code runc}, {@code nvidia})
     * @param toolkitVersion the {@code nvidia-container-toolkit} package version, or empty
     * @param nvidiaCtkVersion {@code nvidia-ctk --version}'s version, or empty
     */
    public record Docker(String serverVersion, String composeVersion, List<String> runtimes, String toolkitVersion,
            String nvidiaCtkVersion) {
        /**
         * Refuses a null component (a {@code NullPointerException} naming it), and copies the lists.
         *
         * @param serverVersion {@code docker version --format '{{.Server.Version}}'}, empty if no daemon answered
         * @param composeVersion the compose plugin's version ({@code 2.29.1}), or empty
         * @param runtimes the runtimes {@code docker info} names ({@code runc}, {@code nvidia})
         * @param toolkitVersion the {@code nvidia-container-toolkit} package version, or empty
         * @param nvidiaCtkVersion {@code nvidia-ctk --version}'s version, or empty
         */
        public Docker {
            Objects.requireNonNull(serverVersion, "serverVersion");
            Objects.requireNonNull(composeVersion, "composeVersion");
            runtimes = List.copyOf(runtimes);
            Objects.requireNonNull(toolkitVersion, "toolkitVersion");
            Objects.requireNonNull(nvidiaCtkVersion, "nvidiaCtkVersion");
        }

        /** {@return a Docker daemon answered} */
        @JsonProperty
        public boolean running() {
            return !serverVersion.isEmpty();
        }

        /** {@return the {@code nvidia} runtime is registered with Docker} */
        @JsonProperty
        public boolean nvidiaRuntime() {
            return runtimes.contains("nvidia");
        }

        /** {@return the NVIDIA Container Toolkit is installed (package or {@code nvidia-ctk})} */
        @JsonProperty
        public boolean toolkitInstalled() {
            return !toolkitVersion.isEmpty() || !nvidiaCtkVersion.isEmpty();
        }
    }

    /** {@return the kind of host, which decides the plan} */
    @JsonProperty("kind")
    public Kind kind() {
        if (os.isMac()) {
            return Kind.MAC;
        }
        if (!lambdaSignals.isEmpty()) {
            return Kind.LAMBDA_STACK;
        }
        if (os.id().equals("ubuntu")) {
            boolean gpuBase = os.versionId().equals("24.04") && nvidia.state() == DriverState.READY
                    && docker.running() && docker.toolkitInstalled();
            return gpuBase ? Kind.GPU_BASE : Kind.UBUNTU;
        }
        return os.id().equals("debian") ? Kind.DEBIAN : Kind.OTHER;
    }

    /**
     * {@return the name of the GPU profile to suggest} {@code a100-40gb} (≥ 39 GiB of GPU memory), {@code a10-24gb}
     * (≥ 20 GiB), {@code mac-m1-16gb} (Apple silicon), else {@code cpu}. A GPU without a working driver is judged by
     * its {@code lspci} name, since the plan installs the driver.
     */
    @JsonProperty("gpuProfile")
    public String gpuProfile() {
        if (!appleChip.isEmpty()) {
            return "mac-m1-16gb";
        }
        long mib = nvidia.gpus().stream().mapToLong(Gpu::memoryMiB).max().orElse(0);
        if (mib == 0) {
            String names = String.join(" ", nvidia.pciDevices()).toUpperCase(Locale.ROOT);
            if (names.contains("A100")) {
                return "a100-40gb";
            }
            if (names.matches(".*\\bA10\\b.*|.*\\bA10G\\b.*|.*\\bL4\\b.*|.*\\bA5000\\b.*|.*\\b3090\\b.*|.*\\b4090\\b.*")) {
                return "a10-24gb";
            }
            return "cpu";
        }
        if (mib >= 39 * 1024) {
            return "a100-40gb";
        }
        return mib >= 20 * 1024 ? "a10-24gb" : "cpu";
    }

    /** {@return a reboot is needed before GPUs can be used or updates take effect} */
    @JsonProperty
    public boolean needsReboot() {
        return rebootRequired || nvidia.state() == DriverState.MISMATCH_REBOOT_NEEDED;
    }

    /** {@return these facts as indented JSON, with {@code kind} and {@code gpuProfile} first} */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("host facts are plain records and always serialize", e);
        }
    }
}
