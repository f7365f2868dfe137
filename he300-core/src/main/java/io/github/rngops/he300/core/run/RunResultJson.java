package io.github.rngops.he300.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.internal.JsonProblem;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes {@link RunResult} as JSON, schema {@value RunResult#SCHEMA} ({@code docs/RESULT-SCHEMA.md}).
 *
 * <pre>{@code
 * RunResultJson.write(result, runDir.resolve("result.json"));
 * RunResult again = RunResultJson.read(runDir.resolve("result.json"));
 * }</pre>
 *
 * <p>Reading refuses, with an {@link He300Exception} that says so, a file that is not a result and a result of
 * another schema version. Members this version does not know are ignored (additions do not change the version).
 */
public final class RunResultJson {

    private RunResultJson() {
    }

    /**
     * {@return {@code result} as pretty-printed JSON, schema {@value RunResult#SCHEMA}}
     *
     * @param result the result
     */
    public static String toJson(RunResult result) {
        StringWriter text = new StringWriter(64 * 1024);
        try {
            RunJson.result(result, text);
        } catch (IOException e) {
            throw new UncheckedIOException("a result always serializes to text", e);
        }
        return text.toString();
    }

    /**
     * Streams {@code result} as the same pretty-printed JSON as {@link #toJson} to {@code out}, without building the
     * text in memory first (for large results); {@code out} is flushed, not closed.
     *
     * @param result the result
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void write(RunResult result, Writer out) throws IOException {
        RunJson.result(result, out);
        out.flush();
    }

    /**
     * Writes {@code result} to {@code file} atomically (readers never see a part of it), with a final newline.
     *
     * @param result the result
     * @param file the file to write or replace; its directory exists
     * @throws UncheckedIOException if it cannot be written
     */
    public static void write(RunResult result, Path file) {
        try {
            AtomicFile.write(file, (toJson(result) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a result file.
     *
     * @param file a {@code result.json}
     * @return the result
     * @throws He300Exception if the file cannot be read, is not a result, or has another schema version
     */
    public static RunResult read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new He300Exception("cannot read the result " + file + ": no such file", e);
        } catch (IOException e) {
            throw new He300Exception("cannot read the result " + file + ": " + e.getMessage(), e);
        }
        return fromJson(json, file.toString());
    }

    /**
     * Reads a result from JSON text.
     *
     * @param json the text
     * @param source names the text in error messages (a file name, {@code <stdin>})
     * @return the result
     * @throws He300Exception if the text is not a result, or has another schema version
     */
    public static RunResult fromJson(String json, String source) {
        JsonNode tree = SchemaCheck.tree(json, source, RunResult.SCHEMA, "result");
        try {
            return JsonCodec.MAPPER.treeToValue(tree, RunResult.class);
        } catch (JsonMappingException e) {
            throw new He300Exception(source + " is not a valid " + RunResult.SCHEMA + " result: "
                    + JsonProblem.describe(e), e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new He300Exception(source + " is not a valid " + RunResult.SCHEMA + " result: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
