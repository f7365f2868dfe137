package io.github.rngops.he300.sweep;

import io.github.rngops.he300.cli.DurationConverter;
import io.github.rngops.he300.client.target.TargetKind;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.config.ConfigException;
import io.github.rngops.he300.core.config.ConfigNode;
import io.github.rngops.he300.core.config.DidYouMean;
import io.github.rngops.he300.core.config.Problems;
import io.github.rngops.he300.core.config.Section;
import io.github.rngops.he300.core.sample.ProtocolVersion;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code sweep.yaml} with the same placed problems as {@code install.yaml}: every unknown key (with a
 * did-you-mean), wrong type and impossible value is reported at once, as {@code sweep.yaml:7:5: hosts.gpu-a.kind:
 * ...}.
 */
final class SweepReader {

    static final List<String> ROOT = List.of("name", "hosts", "models", "seeds", "sample", "run", "cells", "baseline");
    static final List<String> HOST = List.of("kind", "url", "concurrency", "credentials_env", "credentials_file");
    static final List<String> MODEL = List.of("name", "quantization", "quantizations", "hosts");
    static final List<String> SAMPLE = List.of("size", "categories", "protocol");
    static final List<String> RUN = List.of("max_tokens", "timeout", "fail_fast", "chat");
    static final List<String> CELL = List.of("host", "model", "seed");

    private final Problems problems = new Problems();
    private final Path baseDir;

    private SweepReader(Path baseDir) {
        this.baseDir = baseDir;
    }

    static Sweep read(Path file) {
        String name = file.toString();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (NoSuchFileException e) {
            throw ConfigException.of(name, 0, 0, "", "no such file");
        } catch (CharacterCodingException e) {
            throw ConfigException.of(name, 0, 0, "", "not UTF-8 text");
        } catch (IOException e) {
            throw ConfigException.of(name, 0, 0, "", "cannot read: " + e.getMessage());
        }
        Path dir = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("/"));
        return parse(name, text, dir);
    }

    static Sweep parse(String fileName, String yaml, Path baseDir) {
        return new SweepReader(baseDir).sweep(fileName, yaml);
    }

    private Sweep sweep(String fileName, String yaml) {
        ConfigNode rootNode = ConfigNode.parse(fileName, yaml, problems);
        Section root = rootNode.section(ROOT);
        Sweep.Builder builder = Sweep.builder();
        root.optionalString("name").ifPresent(builder::name);
        List<Host> hosts = hosts(root);
        hosts.forEach(builder::host);
        Set<String> hostNames = new LinkedHashSet<>();
        hosts.forEach(h -> hostNames.add(h.name()));
        List<Model> models = models(root.get("models"), hostNames);
        models.forEach(builder::model);
        seeds(root).forEach(builder::seed);
        sample(root.section("sample", SAMPLE), builder);
        builder.run(run(root.section("run", RUN)));
        for (ConfigNode item : root.list("cells")) {
            cell(item, hostNames, models).ifPresent(builder::cell);
        }
        root.optionalString("baseline").ifPresent(builder::baseline);
        problems.throwIfAny();
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            ConfigNode at = root.has("baseline") && e.getMessage().contains("baseline") ? root.get("baseline")
                    : root.has("cells") ? root.get("cells") : rootNode;
            throw ConfigException.of(at.file(), at.line(), at.column(), at.path(), e.getMessage());
        }
    }

    private List<Host> hosts(Section root) {
        List<Host> hosts = new ArrayList<>();
        ConfigNode node = root.get("hosts");
        if (node.isNull()) {
            node.problem("a sweep needs at least one host (hosts: {name: {kind: ollama, url: ...}})");
            return hosts;
        }
        Map<String, ConfigNode> entries = node.entries();
        if (entries.isEmpty()) {
            node.problem("a sweep needs at least one host (hosts: {name: {kind: ollama, url: ...}})");
        }
        for (Map.Entry<String, ConfigNode> entry : entries.entrySet()) {
            String name = entry.getKey();
            Section host = entry.getValue().section(HOST);
            if (!Host.NAME.matcher(name).matches()) {
                entry.getValue().atKey().problem("a host name is 1-64 letters, digits, '.', '_' or '-'");
                continue;
            }
            List<String> kinds = Arrays.stream(TargetKind.values()).map(TargetKind::id).toList();
            String kindId = host.has("kind") ? host.choice("kind", kinds, null) : null;
            if (!host.has("kind")) {
                host.get("kind").problem("is required: one of " + String.join(", ", kinds));
            }
            String url = host.optionalString("url").orElse(null);
            int concurrency = host.integer("concurrency", 4, 1, 1024, "a whole number 1..1024");
            Host.CredentialRef credentials = credentials(host);
            if (kindId == null || credentials == null) {
                continue;
            }
            hosts.add(new Host(name, TargetKind.fromId(kindId).orElseThrow(), url, concurrency, credentials));
        }
        return hosts;
    }

    private Host.CredentialRef credentials(Section host) {
        if (host.has("credentials_env") && host.has("credentials_file")) {
            host.get("credentials_file").problem("give credentials_env or credentials_file, not both");
            return null;
        }
        if (host.has("credentials_file")) {
            return host.get("credentials_file").text(text -> Host.CredentialRef.file(baseDir.resolve(
                    text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text)))
                    .orElse(null);
        }
        if (host.has("credentials_env")) {
            return host.get("credentials_env").text(Host.CredentialRef::environment).orElse(null);
        }
        return Host.CredentialRef.environment();
    }

    private List<Model> models(ConfigNode node, Set<String> hostNames) {
        List<Model> models = new ArrayList<>();
        List<ConfigNode> items = node.items();
        if (items.isEmpty()) {
            node.problem("a sweep needs at least one model (models: [llama3.2:3b])");
        }
        for (ConfigNode item : items) {
            Optional<String> plain = item.peek();
            if (plain.isPresent()) {
                item.text(Model::of).ifPresent(models::add);
                continue;
            }
            Section model = item.section(MODEL);
            if (model.has("quantizations") && (model.has("name") || model.has("quantization"))) {
                model.get("quantizations").problem("give name (and quantization) for one model, or quantizations"
                        + " (quantization: the name its servers serve it under) for one model per quantization,"
                        + " not both");
                continue;
            }
            if (!model.has("name") && !model.has("quantizations")) {
                model.get("name").problem("is required: the model as its servers name it (or quantizations)");
                continue;
            }
            List<String> hosts = new ArrayList<>();
            for (ConfigNode host : model.list("hosts")) {
                host.text().ifPresent(name -> {
                    if (hostNames.contains(name)) {
                        hosts.add(name);
                    } else {
                        host.problem("no host " + name + " in hosts" + DidYouMean.hint(name, hostNames));
                    }
                });
            }
            if (model.has("quantizations")) {
                for (Map.Entry<String, ConfigNode> q : model.get("quantizations").entries().entrySet()) {
                    q.getValue().text(served -> new Model(served, q.getKey(), hosts)).ifPresent(models::add);
                }
                continue;
            }
            String quantization = model.optionalString("quantization").orElse(null);
            model.get("name").text(n -> new Model(n, quantization, hosts)).ifPresent(models::add);
        }
        return models;
    }

    private List<BigInteger> seeds(Section root) {
        List<BigInteger> seeds = new ArrayList<>();
        if (!root.has("seeds")) {
            return List.of(BigInteger.valueOf(42));
        }
        List<ConfigNode> items = root.list("seeds");
        if (items.isEmpty()) {
            root.get("seeds").problem("needs at least one seed (or leave seeds out for 42)");
        }
        for (ConfigNode item : items) {
            item.integer("a non-negative whole number").ifPresent(seed -> {
                if (seed.signum() < 0) {
                    item.problem("must be a non-negative whole number, was " + seed);
                } else {
                    seeds.add(seed);
                }
            });
        }
        return seeds;
    }

    private void sample(Section sample, Sweep.Builder builder) {
        List<String> versions = Arrays.stream(ProtocolVersion.values()).map(ProtocolVersion::id).toList();
        ProtocolVersion version = ProtocolVersion.fromId(sample.choice("protocol", versions, "1.0")).orElseThrow();
        int size = sample.integer("size", 300, 1, 100_000, "a whole number of scenarios");
        List<Category> categories = new ArrayList<>();
        List<String> ids = Category.all().stream().map(Category::id).toList();
        for (ConfigNode item : sample.list("categories")) {
            item.choice(ids).flatMap(Category::fromId).ifPresent(categories::add);
        }
        try {
            builder.sample(version, size, categories);
        } catch (IllegalArgumentException e) {
            sample.get(sample.has("size") ? "size" : "categories").problem(e.getMessage());
        }
    }

    private Sweep.RunOptions run(Section run) {
        Sweep.RunOptions defaults = Sweep.RunOptions.ofDefaults();
        int maxTokens = run.integer("max_tokens", defaults.maxTokens(), 1, 1_000_000, "a whole number of tokens");
        Duration timeout = run.has("timeout") ? duration(run.get("timeout")).orElse(defaults.requestTimeout())
                : defaults.requestTimeout();
        int failFast = run.integer("fail_fast", defaults.failFast(), 0, 1_000_000, "0 (off) or a whole number");
        boolean chat = run.bool("chat", false);
        return new Sweep.RunOptions(maxTokens, timeout, failFast, chat);
    }

    /** {@code 90} (seconds), {@code 90s}, {@code 500ms}, {@code 5m}, {@code 2h}, as on the command line. */
    static Optional<Duration> duration(ConfigNode node) {
        return node.text().flatMap(text -> {
            try {
                return Optional.of(DurationConverter.parse(text));
            } catch (He300Exception e) {
                node.problem(e.getMessage());
                return Optional.empty();
            }
        });
    }

    private Optional<Sweep.CellRef> cell(ConfigNode item, Set<String> hostNames, List<Model> models) {
        Section cell = item.section(CELL);
        for (String key : CELL) {
            if (!cell.has(key)) {
                cell.get(key).problem("is required in a listed cell (host, model, seed)");
                return Optional.empty();
            }
        }
        String host = cell.string("host", "");
        if (!hostNames.contains(host)) {
            cell.get("host").problem("no host " + host + " in hosts" + DidYouMean.hint(host, hostNames));
            return Optional.empty();
        }
        String model = cell.string("model", "");
        List<String> names = models.stream().map(Model::name).toList();
        if (models.stream().noneMatch(m -> m.name().equals(model) || m.label().equals(model))) {
            cell.get("model").problem("no model " + model + " in models" + DidYouMean.hint(model, names));
            return Optional.empty();
        }
        Optional<Model> served = models.stream().filter(m -> m.name().equals(model) || m.label().equals(model))
                .filter(m -> m.servedOn(host)).findFirst();
        if (served.isEmpty()) {
            cell.get("host").problem("model " + model + " may not run on " + host + " (its hosts: list)");
            return Optional.empty();
        }
        Optional<BigInteger> seed = cell.get("seed").integer("a non-negative whole number");
        return seed.map(s -> new Sweep.CellRef(host, model, s));
    }
}
