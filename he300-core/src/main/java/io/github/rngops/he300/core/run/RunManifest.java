package io.github.rngops.he300.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.internal.JsonProblem;
import io.github.rngops.he300.core.parse.AnswerParser;
import io.github.rngops.he300.core.prompt.PromptSet;
import io.github.rngops.he300.core.sample.ProtocolVersion;
import io.github.rngops.he300.core.sample.Sample;
import io.github.rngops.he300.core.sample.SampleSpec;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code manifest.json} of a run directory, written once when the run starts: the spec, the scenarios themselves
 * (so a resume needs no dataset), the settings and the environment. A script reads it to rebuild the target before
 * {@link RunEngine#resume(Path)}.
 *
 * @param schema always {@value #SCHEMA}
 * @param started when the run started
 * @param spec what was run
 * @param scenarios the sample's scenarios, in the spec's order
 * @param settings what the run sends and how it is scheduled
 * @param environment the target and the runner
 */
public record RunManifest(String schema, Instant started, RunSpec spec, List<Scenario> scenarios,
        RunSettings settings, Environment environment) {

    /** The schema this version writes and reads. */
    public static final String SCHEMA = "he300.manifest/1";
    /** The manifest's file name in a run directory. */
    public static final String FILE = "manifest.json";

    /**
     * Checks that the scenarios are the spec's, in its order.
     *
     * @param schema always {@value #SCHEMA}
     * @param started when the run started
     * @param spec what was run
     * @param scenarios the sample's scenarios, in the spec's order
     * @param settings what the run sends and how it is scheduled
     * @param environment the target and the runner
     * @throws IllegalArgumentException if the schema is another, or the scenarios are not the spec's
     */
    public RunManifest {
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("schema must be " + SCHEMA + ", was " + schema);
        }
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(environment, "environment");
        scenarios = List.copyOf(scenarios);
        for (int i = 0; i < scenarios.size(); i++) {
            if (i >= spec.scenarioIds().size() || !scenarios.get(i).id().equals(spec.scenarioIds().get(i))) {
                throw new IllegalArgumentException("scenario " + i + " is not the spec's");
            }
        }
        if (scenarios.size() != spec.size()) {
            throw new IllegalArgumentException(scenarios.size() + " scenarios for a spec of " + spec.size());
        }
    }

    /**
     * Reads {@code runDir/manifest.json}.
     *
     * @param runDir a run directory
     * @return the manifest
     * @throws He300Exception if there is none, or it cannot be read
     */
    public static RunManifest read(Path runDir) {
        Path file = runDir.resolve(FILE);
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new He300Exception(runDir + " is not a run directory: it has no " + FILE, e);
        } catch (IOException e) {
            throw new He300Exception("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode tree = SchemaCheck.tree(json, file.toString(), SCHEMA, "run manifest");
        try {
            return JsonCodec.MAPPER.treeToValue(tree, RunManifest.class);
        } catch (JsonMappingException e) {
            throw new He300Exception(file + " is not a valid run manifest: " + JsonProblem.describe(e), e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new He300Exception(file + " is not a valid run manifest: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    void write(Path runDir) throws IOException {
        AtomicFile.write(runDir.resolve(FILE), RunJson.manifest(this));
    }

    /** {@return the generation settings the run sends} */
    public GenerationSettings generation() {
        return GenerationSettings.of(settings.model(), settings.options());
    }

    /**
     * The plan to resume: the same sample, prompts, parser and generation settings.
     *
     * @return the plan, built from the manifest alone (no dataset needed)
     * @throws He300Exception if the manifest names a prompt set, parser or protocol version this version lacks
     */
    public RunPlan plan() {
        PromptSet prompts = PromptSet.fromId(settings.promptSet()).orElseThrow(() -> new He300Exception(
                "the run's prompt set \"" + settings.promptSet() + "\" is not one this version of he300 has"));
        if (!AnswerParser.strict().mode().equals(settings.parseMode())) {
            throw new He300Exception("the run's parse mode \"" + settings.parseMode() + "\" is not one this version"
                    + " of he300 has");
        }
        ProtocolVersion version = ProtocolVersion.fromId(String.valueOf(spec.protocolVersion())).orElseThrow(
                () -> new He300Exception("the run's protocol version " + spec.protocolVersion() + " is unknown"));
        SampleSpec sampleSpec = new SampleSpec(version, spec.size(), spec.categories(), new BigInteger(spec.seed()));
        Sample sample = new Sample(sampleSpec, scenarios, spec.datasetFiles());
        return new RunPlan(sample, prompts, AnswerParser.strict(), generation());
    }
}
