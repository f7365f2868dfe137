package io.github.rngops.he300.provision.config;

import io.github.rngops.he300.core.config.ConfigException;
import static io.github.rngops.he300.provision.config.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class ConfigErrorsTest {

    private static ConfigException refused(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(yaml));
        assertThat(e).as("a ConfigException for:\n" + yaml).isNotNull();
        return e;
    }

    @Test
    void portOutOfRangeNamesFileLineColumnAndKeyPath() {
        ConfigException e = refused("""
                services:
                  ollama:
                    port: 70000
                """);
        assertThat(e.getMessage()).isEqualTo(
                "install.yaml:3:11: services.ollama.port: must be a port number 1..65535, was 70000");
        assertThat(e.file()).isEqualTo("install.yaml");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(11);
        assertThat(e.keyPath()).isEqualTo("services.ollama.port");
    }

    @Test
    void stringWhereANumberBelongsIsAWrongType() {
        assertThat(refused("target:\n  port: \"abc\"\n").getMessage()).isEqualTo(
                "install.yaml:2:9: target.port: must be a port number 1..65535, was \"abc\" (a string)");
        assertThat(refused("target:\n  port: [22]\n").getMessage()).isEqualTo(
                "install.yaml:2:9: target.port: must be a port number 1..65535, was a list");
        assertThat(refused("services:\n  redis:\n    persistence: maybe\n").getMessage()).isEqualTo(
                "install.yaml:3:18: services.redis.persistence: must be true or false, was \"maybe\" (a string)");
    }

    @Test
    void syntaxErrorCarriesSnakeyamlsMark() {
        ConfigException e = refused("target:\n  host: a\n   user: b\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("install.yaml:3:").contains("YAML syntax: ");
        assertThat(refused("models: [a, b\n").getMessage()).startsWith("install.yaml:2:1: YAML syntax:");
    }

    @Test
    void unknownKeySuggestsTheNearestKnownKey() {
        assertThat(refused("target:\n  prot: 22\n").getMessage())
                .isEqualTo("install.yaml:2:3: target.prot: unknown key; did you mean 'port'?");
        assertThat(refused("netwrok:\n  mode: tunnel\n").getMessage())
                .isEqualTo("install.yaml:1:1: netwrok: unknown key; did you mean 'network'?");
        assertThat(refused("security:\n  apikey: x\n").getMessage())
                .isEqualTo("install.yaml:2:3: security.apikey: unknown key; did you mean 'api_key'?");
    }

    @Test
    void unknownKeyWithNothingNearListsTheKnownKeys() {
        assertThat(refused("os:\n  flavour: x\n").getMessage())
                .isEqualTo("install.yaml:2:3: os.flavour: unknown key (known: detect, manual)");
    }

    @Test
    void unknownNetworkModeSuggestsOne() {
        assertThat(refused("network:\n  mode: wireguar\n").getMessage()).isEqualTo("install.yaml:2:9: network.mode:"
                + " must be one of tunnel, direct, wireguard, tailscale, was \"wireguar\"; did you mean 'wireguard'?");
    }

    @Test
    void badCidrIsRefusedWithHe300NetsReason() {
        ConfigException e = refused("security:\n  allowed_ips:\n    - 10.0.0.0/24\n    - 10.0.0.7/24\n");
        assertThat(e.getMessage()).isEqualTo("install.yaml:4:7: security.allowed_ips[1]: '10.0.0.7/24' has host"
                + " bits set below its /24: write the network 10.0.0.0/24 or the single host 10.0.0.7/32");
        assertThat(refused("network:\n  wireguard:\n    address: 10.0.0.300/24\n").getMessage())
                .startsWith("install.yaml:3:14: network.wireguard.address: '10.0.0.300/24' is not an IPv4 address");
    }

    @Test
    void negativeMemoryIsImpossible() {
        assertThat(refused("gpu:\n  memory: -24\n").getMessage()).isEqualTo(
                "install.yaml:2:11: gpu.memory: must be auto or a whole number of GB, at least 1, was -24");
    }

    @Test
    void unknownModelSuggestsTheNearest() {
        assertThat(refused("models:\n  default: llama-3.2-3b-instruct\n").getMessage())
                .isEqualTo("install.yaml:2:12: models.default: unknown model 'llama-3.2-3b-instruct'; did you mean"
                        + " 'llama-3.2-3B-instruct'?");
        assertThat(refused("models:\n  pull_on_install:\n    - gpt-4\n").getMessage())
                .startsWith("install.yaml:3:7: models.pull_on_install[0]: unknown model 'gpt-4' (known: "
                        + "llama-3.2-1B-instruct, llama-3.2-3B-instruct, llama-3.1-8B-instruct, mistral-7B-instruct)");
    }

    @Test
    void theSeedsLlama32EightBIsRefusedWithTheRealModel() {
        assertThat(refused("models:\n  default: llama-3.2-8B-instruct\n").getMessage())
                .isEqualTo("install.yaml:2:12: models.default: 'llama-3.2-8B-instruct' does not exist: Llama 3.2 has"
                        + " 1B and 3B only; the 8B model is Llama 3.1, use 'llama-3.1-8B-instruct'");
    }

    @Test
    void unknownQuantizationSuggestsOne() {
        assertThat(refused("models:\n  quantization: Q4_KM\n").getMessage()).isEqualTo(
                "install.yaml:2:17: models.quantization: unknown quantization 'Q4_KM'; did you mean 'Q4_K_M'?");
    }

    @Test
    void quantizationNotOfferedForAModelIsRefused() {
        ModelRegistry registry = ModelRegistry.parse("models.yaml", """
                models:
                  tiny:
                    ollama_name: "tiny:1b-q4_K_M"
                    quantizations:
                      Q4_K_M: "tiny:1b-q4_K_M"
                gpu_profiles: {}
                """);
        ConfigReader reader = ConfigReader.builder().registry(registry).random(Fixtures.seeded(1)).build();
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> reader.parse("install.yaml",
                "models:\n  default: tiny\n  quantization: fp16\n", java.nio.file.Path.of("/")));
        assertThat(e.getMessage()).isEqualTo(
                "install.yaml:3:17: models.quantization: tiny is not offered in fp16 (offered: Q4_K_M)");
    }

    @Test
    void duplicateKeysAndWrongShapesAreRefused() {
        assertThat(refused("target:\n  host: a\n  host: b\n").getMessage())
                .isEqualTo("install.yaml:3:3: target.host: duplicate key (first at line 2)");
        assertThat(refused("target: gpu.example.com\n").getMessage()).isEqualTo("install.yaml:1:9: target: must be"
                + " a mapping of keys (host, user, ssh_key, port, known_hosts), was \"gpu.example.com\" (a string)");
        assertThat(refused("- a\n").getMessage()).startsWith("install.yaml:1:1: must be a mapping of keys (target,");
    }

    @Test
    void everyProblemOfTheFileIsReportedAtOnceInFileOrder() {
        ConfigException e = refused("""
                target:
                  port: 0
                network:
                  mode: vpn
                services:
                  cirisnode:
                    replicas: 3
                  ethicsengine:
                    port: 8000
                """);
        assertThat(e.problems()).extracting(ConfigException.Problem::keyPath).containsExactly("target.port",
                "network.mode", "services.cirisnode.replicas", "services.ethicsengine.port");
        assertThat(e.getMessage()).startsWith("4 problems in install.yaml:\ninstall.yaml:2:9: target.port:")
                .contains("install.yaml:9:11: services.ethicsengine.port: port 8000 is already"
                        + " services.cirisnode.port: each service needs its own host port");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void directModeWithoutHttpsNeedsAnAllowlist() {
        assertThat(refused("network:\n  mode: direct\n  direct:\n    https: false\n").getMessage())
                .startsWith("install.yaml:2:9: network.mode: direct without https publishes CIRISNode and"
                        + " EthicsEngine on 0.0.0.0: list security.allowed_ips");
        assertThat(refused("network:\n  mode: direct\n").getMessage()).isEqualTo("install.yaml:1:1:"
                + " network.direct.domain: required in direct mode with https and certbot: the certificate's domain");
    }

    @Test
    void directDomainAndEmailAreADnsNameAndAnAddressNothingAShellWouldRead() {
        for (String bad : new String[] {"gpu.example.com;reboot", "$(id).example.com", "\"gpu'x.example.com\"",
                "\"a b.example.com\"", "gpu", "\"gpu.example.com\\nx\""}) {
            ConfigException e = refused("network:\n  mode: direct\n  direct:\n    domain: " + bad + "\n");
            assertThat(e.getMessage()).as(bad).startsWith("install.yaml:4:13: network.direct.domain: must be a DNS"
                    + " name, like gpu.example.com, was ");
        }
        for (String bad : new String[] {"ops@example.com;id", "\"$(id)@example.com\"", "\"o'ps@example.com\"",
                "ops", "\"ops@example.com\\nx\""}) {
            ConfigException e = refused("network:\n  mode: direct\n  direct:\n    domain: gpu.example.com\n"
                    + "    email: " + bad + "\n");
            assertThat(e.getMessage()).as(bad).startsWith("install.yaml:5:12: network.direct.email: must be an"
                    + " e-mail address, like ops@example.com, was ");
        }
        InstallConfig fine = parse("network:\n  mode: direct\n  direct:\n    domain: gpu-1.example.com\n"
                + "    email: ops+he300@example.com\n");
        assertThat(fine.network().direct().domain()).hasValue("gpu-1.example.com");
        assertThat(fine.network().direct().email()).hasValue("ops+he300@example.com");
    }

    @Test
    void contradictoryEnabledFlagsAndOsSettingsAreRefused() {
        assertThat(refused("network:\n  mode: tunnel\n  wireguard:\n    enabled: true\n").getMessage())
                .isEqualTo("install.yaml:4:14: network.wireguard.enabled: true, but network.mode is not wireguard:"
                        + " network.mode decides; drop enabled");
        assertThat(refused("os:\n  detect: manual\n").getMessage()).startsWith(
                "install.yaml:1:1: os.manual: required with os.detect: manual");
        assertThat(refused("os:\n  manual: ubuntu-22.4\n").getMessage()).endsWith("; did you mean 'ubuntu-22.04'?");
    }

    @Test
    void unknownGpuProfileSuggestsOne() {
        assertThat(refused("gpu:\n  profile: a10-24g\n").getMessage())
                .isEqualTo("install.yaml:2:12: gpu.profile: unknown GPU profile 'a10-24g'; did you mean 'a10-24gb'?");
    }

    @Test
    void missingFileIsAProblemWithItsName() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> Fixtures.reader().read(java.nio.file.Path.of("/nonexistent/install.yaml")));
        assertThat(e.getMessage()).isEqualTo("/nonexistent/install.yaml: no such file");
    }
}
