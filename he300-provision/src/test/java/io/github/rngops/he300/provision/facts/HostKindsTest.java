package io.github.rngops.he300.provision.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.provision.facts.HostFacts.DriverState;
import io.github.rngops.he300.provision.facts.HostFacts.Kind;
import io.github.rngops.he300.provision.facts.HostFacts.Privilege;
import io.github.rngops.he300.provision.ssh.Auth;
import io.github.rngops.he300.provision.ssh.FakeHost;
import io.github.rngops.he300.provision.ssh.HostKeyPolicy;
import io.github.rngops.he300.provision.ssh.SshSession;
import io.github.rngops.he300.provision.ssh.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real probe, over a real SSH connection, against embedded servers that answer like each kind of host (see
 * {@link FakeHost}: fake programs on the PATH, a fake filesystem root).
 */
class HostKindsTest {
    private static final String DOCKER_WITH_NVIDIA = """
            case "$1" in
              version) echo 27.3.1;;
              compose) echo 'Docker Compose version v2.29.7';;
              info) echo '{"io.containerd.runc.v2":{"path":"runc"},"nvidia":{"path":"nvidia-container-runtime"},"runc":{"path":"runc"}}';;
            esac""";
    private static final String DOCKER_PLAIN = """
            case "$1" in
              version) echo 27.3.1;;
              compose) echo 'Docker Compose version v2.29.7';;
              info) echo '{"io.containerd.runc.v2":{"path":"runc"},"runc":{"path":"runc"}}';;
            esac""";
    private static final String SUDO_PASSWORDLESS = "[ \"$1\" = -n ] && shift; [ \"$1\" = -- ] && shift; exec \"$@\"";
    private static final String SUDO_WANTS_PASSWORD = "echo 'sudo: a password is required' >&2; exit 1";

    @TempDir
    static Path dir;
    private static Path key;

    @BeforeAll
    static void keys() {
        key = TestKeys.ed25519(dir, "id_ed25519");
    }

    private static HostFacts probe(String name, UnaryOperator<FakeHost.Builder> host) throws Exception {
        Path hostDir = Files.createDirectories(dir.resolve(name));
        FakeHost.Builder builder = FakeHost.builder(hostDir).authorizedKey(Path.of(key + ".pub"));
        try (FakeHost fake = host.apply(builder).start();
                SshSession ssh = SshSession.open(fake.target("he300"),
                        // one per host: a later host may get an earlier one's port, with another key
                        HostKeyPolicy.trustOnFirstUse(hostDir.resolve("known_hosts"), notice -> { }),
                        Auth.keyFile(key))) {
            return HostFactsProbe.gather(ssh);
        }
    }

    @Test
    void lambdaStack2204WithA10() throws Exception {
        HostFacts facts = probe("lambda", host -> host
                .linux("x86_64", 1000, "ubuntu")
                .osRelease("ubuntu", "22.04", "Ubuntu 22.04.5 LTS")
                .file("/etc/apt/sources.list.d/lambda-repository.list",
                        "deb http://archive.lambdalabs.com/ubuntu jammy main\n")
                .program("dpkg-query", """
                        case "$*" in
                          *lambda-stack-cuda*) printf 'lambda-stack-cuda\\t0.1.14~22.04.1\\n';;
                          *) echo "dpkg-query: no packages found matching $3" >&2; exit 1;;
                        esac""")
                .program("nvidia-smi", "echo 'NVIDIA A10, 23028, 550.127.05'")
                .program("lspci", "echo '06:00.0 3D controller: NVIDIA Corporation GA102GL [A10] (rev a1)'")
                .program("docker", DOCKER_PLAIN)
                .program("sudo", SUDO_PASSWORDLESS));

        assertThat(facts.kind()).isEqualTo(Kind.LAMBDA_STACK);
        assertThat(facts.gpuProfile()).isEqualTo("a10-24gb");
        assertThat(facts.lambdaSignals()).containsExactly("dpkg lambda-stack-cuda 0.1.14~22.04.1",
                "apt source /etc/apt/sources.list.d/lambda-repository.list");
        assertThat(facts.nvidia().state()).isEqualTo(DriverState.READY);
        assertThat(facts.nvidia().gpus()).containsExactly(new HostFacts.Gpu("NVIDIA A10", 23028, "550.127.05"));
        assertThat(facts.docker().serverVersion()).isEqualTo("27.3.1");
        assertThat(facts.docker().composeVersion()).isEqualTo("2.29.7");
        assertThat(facts.docker().nvidiaRuntime()).isFalse();
        assertThat(facts.docker().toolkitInstalled()).isFalse();
        assertThat(facts.privilege()).isEqualTo(Privilege.PASSWORDLESS_SUDO);
        assertThat(facts.user()).isEqualTo("ubuntu");
        assertThat(facts.os()).isEqualTo(new HostFacts.Os("Linux", "ubuntu", "22.04", "Ubuntu 22.04.5 LTS", "x86_64"));
        assertThat(facts.cpus()).isEqualTo(30);
        assertThat(facts.memoryBytes()).isEqualTo(236223201280L);
        assertThat(facts.diskPath()).isEqualTo("/");
        assertThat(facts.diskAvailableBytes()).isEqualTo(1288490188800L);
        assertThat(facts.needsReboot()).isFalse();
    }

    @Test
    void ubuntu2404WithAGpuButNoDriver() throws Exception {
        HostFacts facts = probe("ubuntu-nodriver", host -> host
                .osRelease("ubuntu", "24.04", "Ubuntu 24.04.1 LTS")
                .program("lspci", """
                        echo '00:00.0 Host bridge: Intel Corporation 440FX - 82441FX PMC [Natoma] (rev 02)'
                        echo '00:1e.0 3D controller: NVIDIA Corporation GA102GL [A10] (rev a1)'"""));

        assertThat(facts.kind()).isEqualTo(Kind.UBUNTU);
        assertThat(facts.nvidia().state()).isEqualTo(DriverState.DEVICE_WITHOUT_DRIVER);
        assertThat(facts.nvidia().pciDevices()).containsExactly("00:1e.0 3D controller: NVIDIA Corporation GA102GL [A10] (rev a1)");
        assertThat(facts.gpuProfile()).isEqualTo("a10-24gb");
        assertThat(facts.docker().running()).isFalse();
        assertThat(facts.privilege()).isEqualTo(Privilege.ROOT);
        assertThat(facts.lambdaSignals()).isEmpty();
    }

    @Test
    void ubuntu2204WithDriverLibraryMismatchNeedsReboot() throws Exception {
        HostFacts facts = probe("ubuntu-mismatch", host -> host
                .osRelease("ubuntu", "22.04", "Ubuntu 22.04.4 LTS")
                .file("/var/run/reboot-required", "*** System restart required ***\n")
                .program("nvidia-smi", """
                        echo 'Failed to initialize NVML: Driver/library version mismatch'
                        echo 'NVML library version: 550.127'
                        exit 18""")
                .program("lspci", "echo '00:04.0 3D controller: NVIDIA Corporation GA100 [A100 PCIe 40GB] (rev a1)'")
                .program("docker", DOCKER_WITH_NVIDIA)
                .program("dpkg-query", "case \"$*\" in *nvidia-container-toolkit*) printf 1.16.2-1;; *) exit 1;; esac"));

        assertThat(facts.kind()).isEqualTo(Kind.UBUNTU);
        assertThat(facts.nvidia().state()).isEqualTo(DriverState.MISMATCH_REBOOT_NEEDED);
        assertThat(facts.nvidia().detail()).isEqualTo("Failed to initialize NVML: Driver/library version mismatch");
        assertThat(facts.rebootRequired()).isTrue();
        assertThat(facts.needsReboot()).isTrue();
        assertThat(facts.gpuProfile()).isEqualTo("a100-40gb");
        assertThat(facts.docker().nvidiaRuntime()).isTrue();
        assertThat(facts.docker().toolkitVersion()).isEqualTo("1.16.2-1");
    }

    @Test
    void gpuBase2404HasEverything() throws Exception {
        HostFacts facts = probe("gpu-base", host -> host
                .osRelease("ubuntu", "24.04", "Ubuntu 24.04.1 LTS")
                .file("/var/lib/docker/.keep", "")
                .program("nvidia-smi", """
                        echo 'NVIDIA A100-SXM4-40GB, 40960, 550.90.07'
                        echo 'NVIDIA A100-SXM4-40GB, 40960, 550.90.07'""")
                .program("docker", DOCKER_WITH_NVIDIA)
                .program("dpkg-query", "case \"$*\" in *nvidia-container-toolkit*) printf 1.17.3-1;; *) exit 1;; esac")
                .program("nvidia-ctk", "echo 'NVIDIA Container Toolkit CLI version 1.17.3'; echo 'commit: a1b2c3'"));

        assertThat(facts.kind()).isEqualTo(Kind.GPU_BASE);
        assertThat(facts.gpuProfile()).isEqualTo("a100-40gb");
        assertThat(facts.nvidia().gpus()).hasSize(2);
        assertThat(facts.nvidia().driverVersion()).isEqualTo("550.90.07");
        assertThat(facts.docker().nvidiaCtkVersion()).isEqualTo("1.17.3");
        assertThat(facts.docker().nvidiaRuntime()).isTrue();
        assertThat(facts.diskPath()).isEqualTo("/var/lib/docker");
    }

    @Test
    void macM2() throws Exception {
        HostFacts facts = probe("mac", host -> host
                .without("nproc").without("free")
                .program("uname", "case \"$1\" in -s) echo Darwin;; -m) echo arm64;; esac")
                .program("id", "case \"$1\" in -u) echo 501;; -un) echo dev;; esac")
                .program("sw_vers", "echo 14.6.1")
                .program("sysctl", """
                        case "$2" in
                          machdep.cpu.brand_string) echo 'Apple M2';;
                          hw.memsize) echo 17179869184;;
                          hw.ncpu) echo 8;;
                        esac""")
                .program("df", """
                        case "$1" in
                          -k) echo 'Filesystem   1024-blocks      Used Available Capacity iused ifree %iused  Mounted on'
                              echo '/dev/disk3s1s1 482797652 10000000 300000000     4%  404k 4.3G    0%   /';;
                          *) echo "df: illegal option -- B" >&2; exit 1;;
                        esac""")
                .program("sudo", SUDO_WANTS_PASSWORD));

        assertThat(facts.kind()).isEqualTo(Kind.MAC);
        assertThat(facts.gpuProfile()).isEqualTo("mac-m1-16gb");
        assertThat(facts.appleChip()).isEqualTo("Apple M2");
        assertThat(facts.os()).isEqualTo(new HostFacts.Os("Darwin", "macos", "14.6.1", "macOS 14.6.1", "arm64"));
        assertThat(facts.memoryBytes()).isEqualTo(17179869184L);
        assertThat(facts.cpus()).isEqualTo(8);
        assertThat(facts.diskAvailableBytes()).isEqualTo(300000000L * 1024);
        assertThat(facts.privilege()).isEqualTo(Privilege.NONE);
        assertThat(facts.nvidia().state()).isEqualTo(DriverState.NONE);
    }

    @Test
    void debian12CpuOnly() throws Exception {
        HostFacts facts = probe("debian", host -> host
                .osRelease("debian", "12", "Debian GNU/Linux 12 (bookworm)")
                .program("lspci", "echo '00:02.0 VGA compatible controller: Intel Corporation UHD Graphics 630'")
                .program("docker", """
                        case "$1" in
                          version) echo 20.10.24+dfsg1;;
                          compose) echo "docker: 'compose' is not a docker command." >&2; exit 1;;
                          info) echo '{"runc":{"path":"runc"}}';;
                        esac"""));

        assertThat(facts.kind()).isEqualTo(Kind.DEBIAN);
        assertThat(facts.gpuProfile()).isEqualTo("cpu");
        assertThat(facts.nvidia().state()).isEqualTo(DriverState.NONE);
        assertThat(facts.nvidia().pciDevices()).isEmpty();
        assertThat(facts.docker().serverVersion()).isEqualTo("20.10.24+dfsg1");
        assertThat(facts.docker().composeVersion()).isEmpty();
        assertThat(facts.toJson()).contains("\"kind\" : \"DEBIAN\"", "\"gpuProfile\" : \"cpu\"",
                "\"serverVersion\" : \"20.10.24+dfsg1\"");
    }
}
