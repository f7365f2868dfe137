package io.github.rngops.he300.report;

import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.run.RunResultJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/**
 * Writes the reports of a result: the one entry point for the {@code report} command and for a benchmark run that
 * ends with reports.
 *
 * <pre>{@code
 * List<Path> written = Reports.write(result, EnumSet.of(Format.HTML, Format.JUNIT), Path.of("out"));
 *
 * Reports reports = Reports.builder()
 *         .name("llama3.2-seed42")                 // out/llama3.2-seed42.html, ...
 *         .inputs(InputTexts.locate(null, System.getenv(), result))
 *         .environment(System.getenv())            // $GITHUB_STEP_SUMMARY gets the Markdown too
 *         .build();
 * reports.render(result, Format.parseList("html,md,junit,csv,json"), Path.of("out"));
 * }</pre>
 *
 * <p>Each file is written to a temporary file beside it and moved into place, so a reader never sees a part of a
 * report. Formats stream: no report is built as one string in memory.
 */
public final class Reports {

    /** The report name when none is given: {@code result.html}, {@code result-junit.xml}, ... */
    public static final String DEFAULT_NAME = "result";

    private final String name;
    private final InputTexts inputs;
    private final Map<String, String> environment;

    private Reports(Builder builder) {
        this.name = builder.name;
        this.inputs = builder.inputs;
        this.environment = builder.environment;
    }

    /**
     * Writes {@code formats} of {@code result} into {@code directory} (created if missing) under the default name,
     * without scenario inputs, appending the Markdown to {@code $GITHUB_STEP_SUMMARY} when it is set.
     *
     * @param result the run
     * @param formats the reports to write
     * @param directory where to write them
     * @return the files written, in format order
     * @throws ReportException if a file cannot be written
     */
    public static List<Path> write(RunResult result, Set<Format> formats, Path directory) {
        return builder().environment(System.getenv()).build().render(result, formats, directory);
    }

    /** {@return a builder: the default name {@value #DEFAULT_NAME}, no inputs, no environment} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes {@code formats} of {@code result} into {@code directory} (created if missing).
     *
     * @param result the run
     * @param formats the reports to write
     * @param directory where to write them
     * @return the files written, in format order ({@link Format#JSON} writes two)
     * @throws ReportException if a file cannot be written
     */
    public List<Path> render(RunResult result, Set<Format> formats, Path directory) {
        Objects.requireNonNull(result, "result");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw ReportException.cannotWrite(directory, e);
        }
        List<Path> written = new ArrayList<>();
        for (Format format : EnumSet.copyOf(formats)) {
            Path file = directory.resolve(format.fileName(name));
            atomically(file, out -> render(result, format, out));
            written.add(file);
            if (format == Format.JSON) {
                Path summary = directory.resolve(name + "-summary.json");
                atomically(summary, out -> SummaryJson.write(result, file.getFileName().toString(), out));
                written.add(summary);
            }
            if (format == Format.MARKDOWN) {
                appendStepSummary(result);
            }
        }
        return written;
    }

    /**
     * Writes one format of {@code result} to {@code out} (flushed, not closed); for {@link Format#JSON}, the result
     * itself.
     *
     * @param result the run
     * @param format the report to write
     * @param out where to write it
     * @throws IOException when {@code out} cannot be written
     */
    public void render(RunResult result, Format format, Writer out) throws IOException {
        switch (format) {
            case JSON -> RunResultJson.write(result, out);
            case MARKDOWN -> MarkdownReport.write(result, out);
            case HTML -> HtmlReport.write(result, inputs::orNull, out);
            case CSV -> CsvReport.write(result, inputs::orNull, out);
            case JUNIT -> {
                try {
                    JunitReport.write(result, out);
                } catch (XMLStreamException e) {
                    throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
                }
            }
        }
        out.flush();
    }

    /** Appends the Markdown report to the file {@code $GITHUB_STEP_SUMMARY} names, when the variable is set. */
    private void appendStepSummary(RunResult result) {
        String target = environment.get("GITHUB_STEP_SUMMARY");
        if (target == null || target.isBlank()) {
            return;
        }
        Path file = Path.of(target);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            MarkdownReport.write(result, out);
            out.write("\n");
        } catch (IOException e) {
            throw ReportException.cannotWrite(file, e);
        }
    }

    /** Something that writes text and may fail with an I/O error. */
    interface Body {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes {@code file} through a temporary file in the same directory, then moves it into place. */
    static void atomically(Path file, Body body) {
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            temporary = directory.resolve("." + file.getFileName() + "." + Long.toHexString(System.nanoTime())
                    + ".tmp");
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                body.writeTo(out);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw ReportException.cannotWrite(file, e);
        } catch (UncheckedIOException e) {
            throw ReportException.cannotWrite(file, e.getCause());
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the move took it, or it is gone; a leftover temporary file harms nothing
                }
            }
        }
    }

    /** Settings for {@link Reports}; each is checked as it is set. */
    public static final class Builder {
        private String name = DEFAULT_NAME;
        private InputTexts inputs = InputTexts.none();
        private Map<String, String> environment = Map.of();

        private Builder() {
        }

        /**
         * Sets the base of the file names, e.g. {@code llama3.2} for {@code llama3.2.html}.
         *
         * @param name a plain file name, without directories
         * @return this builder
         * @throws IllegalArgumentException if it is blank or names a directory
         */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank() || name.contains("/") || name.contains("\\") || name.equals(".")
                    || name.equals("..")) {
                throw new IllegalArgumentException("name must be a plain file name without directories, was \""
                        + name + "\"");
            }
            this.name = name;
            return this;
        }

        /**
         * Sets the scenario inputs to show in the HTML and CSV reports; none by default.
         *
         * @param inputs the inputs, e.g. {@link InputTexts#locate}'s
         * @return this builder
         */
        public Builder inputs(InputTexts inputs) {
            this.inputs = Objects.requireNonNull(inputs, "inputs");
            return this;
        }

        /**
         * The environment variables to read ({@code GITHUB_STEP_SUMMARY}); none by default, so that only a caller that
         * passes {@code System.getenv()} writes outside the report directory.
         *
         * @param environment the variables, e.g. {@code System.getenv()}
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
            return this;
        }

        /** {@return the reports writer with these settings} */
        public Reports build() {
            return new Reports(this);
        }
    }
}
