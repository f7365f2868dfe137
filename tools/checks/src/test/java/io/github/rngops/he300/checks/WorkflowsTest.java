package io.github.rngops.he300.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every GitHub workflow of the repository (every file in .github/workflows, and the workflow examples) is valid
 * against SchemaStore's workflow schema in ../shared/schemas, and every {@code run:} block in it passes shellcheck
 * with the shell GitHub would run it with.
 */
class WorkflowsTest {
    private static final Path SCHEMA_FILE = Repository.SHARED.resolve("schemas/github-workflow.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> workflows() {
        List<Path> files = new ArrayList<>(Repository.files(".github/workflows", ".yml", ".yaml"));
        Repository.files("examples", ".yml", ".yaml").stream().filter(WorkflowsTest::isWorkflow).forEach(files::add);
        return files.stream();
    }

    @Test
    void theProjectsWorkflowsAreThere() {
        assertThat(workflows().map(Repository::relative))
                .contains(".github/workflows/ci.yml", ".github/workflows/he300-benchmark.yml",
                        ".github/workflows/release.yml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workflows")
    void isValidAgainstTheWorkflowSchema(Path workflow) throws IOException {
        List<Error> errors = schema().validate(JSON.writeValueAsString(load(workflow)), InputFormat.JSON);
        assertThat(errors).as(Repository.relative(workflow) + " against " + SCHEMA_FILE)
                .extracting(Error::toString).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workflows")
    void everyRunBlockPassesShellcheck(Path workflow, @TempDir Path dir) throws Exception {
        List<String> findings = new ArrayList<>();
        for (RunBlock block : RunBlock.of(load(workflow))) {
            Path script = dir.resolve(block.fileName());
            Files.writeString(script, block.script());
            String found = Shellcheck.check(script, block.dialect());
            if (!found.isEmpty()) {
                findings.add(Repository.relative(workflow) + " " + block.where() + ":\n" + found);
            }
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void theSchemaRefusesAWorkflowWithoutTriggers() {
        List<Error> errors = schema().validate("{\"jobs\": {\"build\": {\"runs-on\": \"ubuntu-latest\","
                + " \"steps\": [{\"run\": \"true\"}]}}}", InputFormat.JSON);
        assertThat(errors).extracting(Error::toString).anySatisfy(error -> assertThat(error).contains("on"));
    }

    @Test
    void shellcheckFindsAnUnquotedExpansionInARunBlock(@TempDir Path dir) throws Exception {
        Map<String, Object> workflow = Map.of("on", "push", "jobs", Map.of("build", Map.of("runs-on", "ubuntu-latest",
                "steps", List.of(Map.of("name", "copy", "run", "cp ${{ inputs.file }} $TARGET")))));
        RunBlock block = RunBlock.of(workflow).get(0);
        Path script = dir.resolve(block.fileName());
        Files.writeString(script, block.script());
        assertThat(Shellcheck.check(script, block.dialect())).contains("SC2086");
    }

    private static Schema schema() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(Files.readString(SCHEMA_FILE), InputFormat.JSON);
        } catch (IOException e) {
            throw new IllegalStateException("no workflow schema at " + SCHEMA_FILE + " (../shared beside the clone)", e);
        }
    }

    static Object load(Path file) throws IOException {
        return new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromString(Files.readString(file));
    }

    private static boolean isWorkflow(Path file) {
        try {
            return load(file) instanceof Map<?, ?> map && map.containsKey("jobs") && map.containsKey("on");
        } catch (IOException e) {
            return false;
        }
    }

    /** One step's {@code run:} script, with the shell GitHub runs it with and where it is. */
    record RunBlock(String job, int step, String name, String dialect, String script) {
        /** {@code ${{ … }}} is replaced by GitHub before the shell sees the script; shellcheck sees a plain word. */
        private static final String EXPRESSION = "\\$\\{\\{.*?}}";

        String where() {
            return "job " + job + ", step " + step + (name == null ? "" : " (" + name + ")");
        }

        String fileName() {
            return job.replaceAll("[^\\w.-]", "_") + "-" + step + ".sh";
        }

        @SuppressWarnings("unchecked")
        static List<RunBlock> of(Object workflow) {
            Map<String, Object> root = (Map<String, Object>) workflow;
            String workflowShell = shell(root.get("defaults"), "bash");
            List<RunBlock> blocks = new ArrayList<>();
            Map<String, Object> jobs = (Map<String, Object>) root.getOrDefault("jobs", Map.of());
            for (Map.Entry<String, Object> job : jobs.entrySet()) {
                Map<String, Object> fields = (Map<String, Object>) job.getValue();
                String jobShell = shell(fields.get("defaults"), workflowShell);
                List<Object> steps = (List<Object>) fields.getOrDefault("steps", List.of());
                for (int i = 0; i < steps.size(); i++) {
                    Map<String, Object> step = (Map<String, Object>) steps.get(i);
                    if (!(step.get("run") instanceof String run)) {
                        continue;
                    }
                    String shell = step.get("shell") instanceof String s ? s : jobShell;
                    String dialect = shell.startsWith("sh") ? "sh" : "bash";
                    // GitHub runs bash as `bash --noprofile --norc -eo pipefail {0}`, sh as `sh -e {0}`.
                    String preamble = dialect.equals("sh") ? "#!/bin/sh\nset -e\n" : "#!/usr/bin/env bash\nset -eo pipefail\n";
                    blocks.add(new RunBlock(job.getKey(), i + 1, (String) step.get("name"), dialect,
                            preamble + run.replaceAll(EXPRESSION, "GITHUB_EXPRESSION") + "\n"));
                }
            }
            return blocks;
        }

        @SuppressWarnings("unchecked")
        private static String shell(Object defaults, String otherwise) {
            if (defaults instanceof Map<?, ?> map && map.get("run") instanceof Map<?, ?> run
                    && run.get("shell") instanceof String shell) {
                return shell;
            }
            return otherwise;
        }
    }
}
