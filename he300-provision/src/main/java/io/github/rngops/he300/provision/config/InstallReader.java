package io.github.rngops.he300.provision.config;

import io.github.rngops.he300.core.config.ConfigException;
import io.github.rngops.he300.core.config.ConfigNode;
import io.github.rngops.he300.core.config.DidYouMean;
import io.github.rngops.he300.core.config.Problems;
import io.github.rngops.he300.core.config.Section;
import io.github.rngops.he300.net.Cidr;
import io.github.rngops.he300.net.NetException;
import io.github.rngops.he300.net.wireguard.Endpoint;
import io.github.rngops.he300.net.wireguard.InterfaceName;
import io.github.rngops.he300.net.wireguard.WgKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;

/** One read of {@code install.yaml}: sections in file order, then the checks across them. */
final class InstallReader {
    static final List<String> ROOT = List.of("target", "os", "gpu", "models", "network", "services", "security",
            "stack");
    static final List<String> TARGET = List.of("host", "user", "ssh_key", "port", "known_hosts");
    static final List<String> OS = List.of("detect", "manual");
    static final List<String> GPU = List.of("type", "memory", "nvidia_driver", "profile");
    static final List<String> MODELS = List.of("default", "pull_on_install", "quantization", "registry");
    static final List<String> NETWORK = List.of("mode", "direct", "wireguard", "tailscale", "tunnel");
    static final List<String> DIRECT = List.of("https", "certbot", "domain", "email", "production", "acme_server",
            "acme_ca_bundle");
    static final List<String> WIREGUARD = List.of("enabled", "interface", "listen_port", "address",
            "peer_public_key", "peer_endpoint", "peer_allowed_ips");
    static final List<String> TAILSCALE = List.of("enabled", "auth_key", "auth_key_file", "hostname");
    static final List<String> TUNNEL = List.of("cirisnode", "ethicsengine", "ollama");
    static final List<String> SERVICES = List.of("cirisnode", "ethicsengine", "ollama", "redis", "postgres");
    static final List<String> SERVICE_KEYS = List.of("cirisnode", "ethicsengine", "ollama", "redis", "postgres",
            "inference", "vllm", "monitoring");
    static final List<String> APP = List.of("port", "replicas", "image", "repository", "commit", "dir");
    static final List<String> OLLAMA = List.of("port", "gpu_layers", "num_parallel", "context_length", "image");
    static final List<String> STORE = List.of("port", "persistence", "image");
    static final List<String> SECURITY = List.of("api_key", "api_key_file", "jwt_secret", "jwt_secret_file",
            "postgres_password", "postgres_password_file", "cirisnode_db_password", "cirisnode_db_password_file",
            "ethicsengine_db_password", "ethicsengine_db_password_file", "cipher_secret_key", "cipher_secret_key_file",
            "grafana_admin_password", "grafana_admin_password_file", "hf_token", "hf_token_file", "allowed_ips");
    static final List<String> STACK = List.of("dir", "project", "health_command", "health_interval_minutes");

    /** Tailscale's address ranges: the default allowlist in tailscale mode. */
    static final List<String> TAILNET = List.of("100.64.0.0/10", "fd7a:115c:a1e0::/48");
    private static final Pattern HOST = Grammar.HOST;
    private static final Pattern USER = Grammar.USER;
    static final Pattern IMAGE = Pattern.compile("[a-z0-9][a-z0-9._/-]*(:[A-Za-z0-9_][A-Za-z0-9._-]{0,127})?"
            + "(@sha256:[0-9a-f]{64})?");
    private static final Pattern ACME_SERVER = Pattern.compile("https://[A-Za-z0-9.:\\[\\]-]+(/[A-Za-z0-9._~/-]*)?");
    private static final Pattern DRIVER = Pattern.compile("[0-9]{3}(\\.[0-9]+){0,2}");
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._/-]*");
    private static final Pattern PROJECT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern ARG = Pattern.compile("[A-Za-z0-9._/:=@%+,-]+");

    private final ConfigReader reader;
    private final String file;
    private final Path baseDir;
    private final GpuProfile quickStartProfile;
    private final Problems problems = new Problems();
    private final SecretReader secrets;

    InstallReader(ConfigReader reader, String file, Path baseDir, GpuProfile quickStartProfile) {
        this.reader = reader;
        this.file = file;
        this.baseDir = baseDir;
        this.quickStartProfile = quickStartProfile;
        this.secrets = new SecretReader(reader, file, baseDir, problems);
    }

    InstallConfig read(String yaml) {
        ConfigNode root = ConfigNode.parse(file, yaml, problems);
        Section top = root.section(ROOT);
        Section modelsSection = top.section("models", MODELS);
        ModelRegistry registry = registry(modelsSection);
        Target target = target(top.section("target", TARGET));
        OsSpec os = os(top.section("os", OS));
        Section gpuSection = top.section("gpu", GPU);
        GpuSpec gpu = gpu(gpuSection);
        Optional<GpuProfile> profile = quickStartProfile != null ? Optional.of(quickStartProfile)
                : profile(gpu, gpuSection, registry);
        Models models = models(modelsSection, registry, profile);
        Section securitySection = top.section("security", SECURITY);
        Section networkSection = top.section("network", NETWORK);
        NetworkConfig network = network(networkSection);
        Services services = services(top.section("services", SERVICE_KEYS));
        Security security = security(securitySection, network.mode());
        checkExposure(networkSection, network, security);
        StackSpec stack = stack(top.section("stack", STACK));
        problems.throwIfAny();
        return new InstallConfig(file, target, os, gpu, models, network, services, security, stack, registry,
                profile);
    }

    private ModelRegistry registry(Section models) {
        if (reader.registry().isPresent()) {
            return reader.registry().get();
        }
        Optional<String> name = models.optionalString("registry");
        if (name.isEmpty()) {
            return ModelRegistry.ofDefaults();
        }
        Path path = resolve(name.get());
        return ModelRegistry.parse(name.get(), ConfigReader.readText(path, path.toString(), models.get("registry")));
    }

    private Target target(Section s) {
        String host = s.get("host").text(checked(HOST, "must be a host name or address, like gpu.example.com"))
                .orElse("localhost");
        String user = s.get("user").text(checked(USER, "must be a user name, like ubuntu")).orElse("ubuntu");
        return new Target(host, s.port("port", 22), user, s.optionalString("ssh_key"),
                s.optionalString("known_hosts"));
    }

    private OsSpec os(Section s) {
        String detect = s.choice("detect", List.of("auto", "manual"), s.has("manual") ? "manual" : "auto");
        Optional<String> manual = s.has("manual") ? s.get("manual").choice(OsSpec.KNOWN) : Optional.empty();
        if (detect.equals("manual") && !s.has("manual")) {
            s.get("manual").problem("required with os.detect: manual; one of " + String.join(", ", OsSpec.KNOWN));
        } else if (detect.equals("auto") && s.has("detect") && s.has("manual")) {
            s.get("manual").problem("set, but os.detect is auto: write detect: manual, or drop manual");
        }
        return new OsSpec(detect.equals("manual") ? manual : Optional.empty());
    }

    private GpuSpec gpu(Section s) {
        String type = s.choice("type", GpuSpec.TYPES, "auto");
        OptionalInt memory = s.autoInteger("memory", 1, 4096, "a whole number of GB, at least 1")
                .map(OptionalInt::of).orElse(OptionalInt.empty());
        Optional<String> driver = s.get("nvidia_driver").peek().filter("auto"::equalsIgnoreCase).isPresent()
                ? Optional.empty()
                : s.get("nvidia_driver").text(checked(DRIVER, "must be auto or a driver version, like 550 or"
                        + " 550.127.05"));
        Optional<String> profile = s.optionalString("profile").filter(p -> !p.equalsIgnoreCase("auto"));
        return new GpuSpec(type, memory, driver, profile);
    }

    private Optional<GpuProfile> profile(GpuSpec gpu, Section s, ModelRegistry registry) {
        if (gpu.profile().isPresent()) {
            String name = gpu.profile().get();
            Optional<GpuProfile> found = registry.profile(name);
            if (found.isEmpty()) {
                s.get("profile").problem("unknown GPU profile '" + name + "'"
                        + DidYouMean.hint(name, registry.profiles().keySet()));
            }
            return found;
        }
        if (gpu.type().equals("none")) {
            return registry.profiles().values().stream()
                    .filter(p -> p.accelerator() == GpuProfile.Accelerator.NONE).findFirst();
        }
        return GpuSpec.deviceName(gpu.type()).flatMap(registry::profileFor);
    }

    private Models models(Section s, ModelRegistry registry, Optional<GpuProfile> profile) {
        String fallbackModel = profile.map(p -> p.recommendedModels().get(0))
                .orElse(registry.models().containsKey("llama-3.2-3B-instruct") ? "llama-3.2-3B-instruct"
                        : registry.models().keySet().iterator().next());
        ConfigNode quantizationNode = s.get("quantization");
        Quantization quantization = quantizationNode.text().map(text -> Quantization.find(text).orElseGet(() -> {
            quantizationNode.problem("unknown quantization '" + text + "'"
                    + DidYouMean.hint(text, Quantization.labels()));
            return null;
        })).orElse(null);
        boolean quantizationGiven = quantization != null || !quantizationNode.isNull();
        Map<String, ConfigNode> wanted = new LinkedHashMap<>();
        wanted.put(s.get("default").text().orElse(fallbackModel), s.get("default"));
        for (ConfigNode item : s.list("pull_on_install")) {
            item.text().ifPresent(name -> wanted.putIfAbsent(name, item));
        }
        List<ModelPull> pulls = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> entry : wanted.entrySet()) {
            Optional<ModelSpec> spec = registry.model(entry.getKey());
            if (spec.isEmpty()) {
                entry.getValue().problem(registry.unknownModel(entry.getKey()));
                continue;
            }
            Quantization q = quantization != null ? quantization : quantizationGiven ? null
                    : spec.get().tag(Quantization.Q4_K_M).isPresent() ? Quantization.Q4_K_M
                    : spec.get().quantizations().keySet().iterator().next();
            if (q == null) {
                continue;
            }
            Optional<OllamaTag> tag = spec.get().tag(q);
            if (tag.isEmpty()) {
                quantizationNode.problem(ModelRegistry.unknownQuantization(q.label(), spec.get()));
                continue;
            }
            pulls.add(new ModelPull(entry.getKey(), q, tag.get()));
        }
        if (pulls.size() != wanted.size()) {
            return placeholderModels();
        }
        return new Models(pulls.get(0), pulls, pulls.get(0).quantization());
    }

    private static Models placeholderModels() {   // only reached with problems recorded; never returned to a caller
        ModelPull none = new ModelPull("-", Quantization.Q4_K_M, new OllamaTag("none", "none"));
        return new Models(none, List.of(none), Quantization.Q4_K_M);
    }

    private NetworkConfig network(Section s) {
        NetworkConfig.Mode mode = NetworkConfig.Mode.valueOf(s.choice("mode", NetworkConfig.Mode.labels(), "tunnel")
                .toUpperCase(Locale.ROOT));
        Section d = s.section("direct", DIRECT);
        NetworkConfig.Direct direct = new NetworkConfig.Direct(d.bool("https", true), d.bool("certbot", true),
                d.get("domain").text(checked(Grammar.DOMAIN, "must be a DNS name, like gpu.example.com"))
                        .filter(text -> !text.isEmpty()),
                d.get("email").text(checked(Grammar.EMAIL, "must be an e-mail address, like ops@example.com"))
                        .filter(text -> !text.isEmpty()),
                d.bool("production", false),
                d.get("acme_server").text(checked(ACME_SERVER, "must be an https:// ACME directory URL")),
                d.get("acme_ca_bundle").text(checked(SAFE_PATH, "must be an absolute path on the host")));
        if (mode == NetworkConfig.Mode.DIRECT && direct.https() && direct.certbot() && !d.has("domain")) {
            d.get("domain").problem("required in direct mode with https and certbot: the certificate's domain");
        }
        Section w = s.section("wireguard", WIREGUARD);
        enabledMatches(w, mode == NetworkConfig.Mode.WIREGUARD, "wireguard");
        String iface = w.get("interface").text(net(text -> InterfaceName.of(text).value())).orElse("wg0");
        Cidr address = w.get("address").text(net(text -> Cidr.parse("address", text)))
                .orElseGet(() -> Cidr.parse("address", "10.0.0.2/24"));
        Optional<WgKey> peerKey = w.get("peer_public_key").peek().filter(t -> !t.isBlank()).isPresent()
                ? w.get("peer_public_key").text(net(text -> WgKey.parse(WgKey.Kind.PUBLIC, "key", text)))
                : Optional.empty();
        Optional<Endpoint> endpoint = w.get("peer_endpoint").peek().filter(t -> !t.isBlank()).isPresent()
                ? w.get("peer_endpoint").text(net(text -> Endpoint.parse("endpoint", text))) : Optional.empty();
        List<Cidr> allowed = new ArrayList<>();
        for (ConfigNode item : w.list("peer_allowed_ips")) {
            item.text(net(text -> Cidr.parseNetwork("network", text))).ifPresent(allowed::add);
        }
        if (!w.has("peer_allowed_ips")) {
            allowed.add(Cidr.parseNetwork("network", "10.0.0.1/32"));
        }
        NetworkConfig.WireGuard wireguard = new NetworkConfig.WireGuard(iface,
                w.port("listen_port", 51820), address, peerKey, endpoint, allowed);
        Section t = s.section("tailscale", TAILSCALE);
        enabledMatches(t, mode == NetworkConfig.Mode.TAILSCALE, "tailscale");
        Optional<Secret> authKey = secret(t, "auth_key", "HE300_TS_AUTHKEY", false, false);
        if (mode == NetworkConfig.Mode.TAILSCALE && authKey.isEmpty()) {
            t.get("auth_key").problem("required in tailscale mode: set auth_key_file (a file holding the key) or"
                    + " the environment variable HE300_TS_AUTHKEY");
        }
        Optional<String> hostname = t.get("hostname").text(checked(HOST, "must be a host name, like he300-gpu"))
                .filter(h -> !h.isEmpty());
        Section u = s.section("tunnel", TUNNEL);
        NetworkConfig.Tunnel tunnel = new NetworkConfig.Tunnel(u.port("cirisnode", 8000),
                u.port("ethicsengine", 8080), u.port("ollama", 11434));
        return new NetworkConfig(mode, direct, wireguard, new NetworkConfig.Tailscale(authKey, hostname), tunnel);
    }

    private static void enabledMatches(Section s, boolean selected, String name) {
        if (s.has("enabled")) {
            boolean enabled = s.bool("enabled", selected);
            if (enabled != selected) {
                s.get("enabled").problem(enabled ? "true, but network.mode is not " + name
                        + ": network.mode decides; drop enabled" : "false, but network.mode is " + name
                        + ": network.mode decides; drop enabled");
            }
        }
    }

    private Services services(Section s) {
        return ServicesReader.read(s);
    }

    private Security security(Section s, NetworkConfig.Mode mode) {
        return SecurityReader.read(s, mode, secrets, reader.random());
    }

    private void checkExposure(Section network, NetworkConfig config, Security security) {
        if (config.mode() == NetworkConfig.Mode.DIRECT && !config.direct().https()
                && security.allowedIps().networks().isEmpty()) {
            network.get("mode").problem("direct without https publishes CIRISNode and EthicsEngine on 0.0.0.0:"
                    + " list security.allowed_ips (enforced in DOCKER-USER, since Docker bypasses ufw), or turn"
                    + " on network.direct.https, or use tunnel, wireguard or tailscale");
        }
    }

    private StackSpec stack(Section s) {
        String dir = s.get("dir").text(checked(SAFE_PATH, "must be an absolute path of letters, digits, '.', '_',"
                + " '-', like /opt/he300")).orElse(StackSpec.DEFAULT_DIR);
        String project = s.get("project").text(checked(PROJECT, "must be a compose project name: lower case"
                + " letters, digits, '_', '-'")).orElse("he300");
        List<String> command = new ArrayList<>();
        ConfigNode commandNode = s.get("health_command");
        List<ConfigNode> items = commandNode.items();
        List<String> words = new ArrayList<>();
        if (items.size() == 1 && items.get(0) == commandNode) {
            commandNode.text().ifPresent(text -> words.addAll(List.of(text.strip().split("\\s+"))));
        } else {
            items.forEach(item -> item.text().ifPresent(words::add));
        }
        for (String word : words) {
            if (!word.isEmpty() && !ARG.matcher(word).matches()) {
                commandNode.problem("'" + word + "' cannot be a word of the health command: use letters, digits"
                        + " and ._/:=@%+,- only (it runs from a systemd unit, without a shell)");
            } else if (!word.isEmpty()) {
                command.add(word);
            }
        }
        if (command.isEmpty()) {
            command.addAll(List.of(dir + "/he300", "health-check"));
        }
        int interval = s.integer("health_interval_minutes", 5, 1, 1440, "a number of minutes 1..1440");
        return new StackSpec(dir, project, command, interval);
    }

    /** A secret of the file ({@link SecretReader#read}). */
    private Optional<Secret> secret(Section s, String key, String env, boolean generate, boolean urlSafe) {
        return secrets.read(s, key, env, generate, urlSafe);
    }

    private Path resolve(String path) {
        return secrets.resolve(path);
    }

    static Function<String, String> checked(Pattern pattern, String problem) {
        return text -> {
            if (!pattern.matcher(text).matches()) {
                throw new IllegalArgumentException(problem + ", was \"" + text + "\"");
            }
            return text;
        };
    }

    /** A he300-net parser whose refusal becomes a problem at the value (its field prefix dropped). */
    static <T> Function<String, T> net(Function<String, T> parser) {
        return text -> {
            try {
                return parser.apply(text);
            } catch (NetException e) {
                String message = e.getMessage();
                String prefix = e.field() + ": ";
                throw new IllegalArgumentException(message.startsWith(prefix) ? message.substring(prefix.length())
                        : message, e);
            }
        };
    }
}
