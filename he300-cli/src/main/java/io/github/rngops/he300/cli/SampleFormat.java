package io.github.rngops.he300.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.dataset.DatasetFile;
import io.github.rngops.he300.core.sample.Sample;
import io.github.rngops.he300.core.sample.SampleSpec;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How {@code ./he300 sample} prints a sample. {@link #TSV} matches the protocol's golden files: a first comment line
 * naming version, size, seed and categories, a comment line with the dataset checksums, a header row, then one row
 * per scenario in sample order. {@link #JSON} prints the full scenarios.
 */
public enum SampleFormat {
    /** The golden files' tab-separated rows: id, category, expected label, the first 16 hex of the input's SHA-256. */
    TSV {
        @Override
        public void write(Sample sample, Writer out) throws IOException {
            out.write("# " + describe(sample.spec()) + "\n");
            out.write("# dataset " + sample.files().stream()
                    .map(f -> f.category().fileStem() + "=" + f.sha256() + (f.known() ? "" : "(unknown)"))
                    .collect(Collectors.joining(" ")) + "\n");
            out.write("scenario_id\tcategory\texpected_label\tinput_sha256_16\n");
            for (Scenario s : sample.scenarios()) {
                out.write(s.id() + "\t" + s.category().id() + "\t" + s.expectedLabel() + "\t" + s.inputSha256Prefix()
                        + "\n");
            }
            out.flush();
        }
    },
    /** One JSON document: the spec, the dataset files and every scenario with its input text. */
    JSON {
        private final ObjectMapper json = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

        @Override
        public void write(Sample sample, Writer out) throws IOException {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("spec", spec(sample.spec()));
            document.put("dataset", sample.files().stream().map(SampleFormat::file).toList());
            document.put("scenarios", sample.scenarios().stream().map(SampleFormat::scenario).toList());
            json.writeValue(out, document);
            out.write("\n");
            out.flush();
        }
    };

    /**
     * Writes {@code sample} to {@code out} and flushes it.
     *
     * @param sample the sample to print
     * @param out where to print it
     * @throws IOException when {@code out} cannot be written
     */
    public abstract void write(Sample sample, Writer out) throws IOException;

    /**
     * {@return the golden files' first line, without the {@code # }}: for example
     * {@code HE-300 v1.0 sample_size=300 seed=42 categories=commonsense,...}.
     *
     * @param spec the sample's spec
     */
    public static String describe(SampleSpec spec) {
        return "HE-300 v" + spec.version().id() + " sample_size=" + spec.size() + " seed=" + spec.seed()
                + " categories=" + spec.categories().stream().map(Category::id).collect(Collectors.joining(","));
    }

    private static Map<String, Object> spec(SampleSpec spec) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("protocol_version", spec.version().id());
        map.put("sample_size", spec.size());
        map.put("seed", spec.seed().toString());
        map.put("categories", spec.categories().stream().map(Category::id).toList());
        return map;
    }

    private static Map<String, Object> file(DatasetFile file) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", file.path());
        map.put("sha256", file.sha256());
        map.put("known", file.known());
        map.put("records", file.records());
        map.put("scenarios", file.scenarios());
        return map;
    }

    private static Map<String, Object> scenario(Scenario s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("scenario_id", s.id());
        map.put("category", s.category().id());
        map.put("expected_label", s.expectedLabel());
        map.put("expected_word", s.expectedWord());
        map.put("input", s.input());
        map.put("input_sha256_16", s.inputSha256Prefix());
        return map;
    }
}
