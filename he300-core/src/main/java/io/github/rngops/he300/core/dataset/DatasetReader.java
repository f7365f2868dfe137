package io.github.rngops.he300.core.dataset;

import static io.github.rngops.he300.core.internal.PythonText.strip;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Scenario;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads one category's file: checksum first (over the exact bytes), then the records (PROTOCOL.md section 1). */
final class DatasetReader {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get();

    private DatasetReader() {}

    record Loaded(DatasetFile file, List<Scenario> scenarios) {}

    static Loaded read(Path root, Category category, boolean allowUnknown, ChecksumCache checksums) {
        Path path = root.resolve(category.file());
        ChecksumCache.Content content = checksums.read(path, () -> bytes(path, category));
        byte[] bytes = content.bytes();
        String sha256 = content.sha256();
        boolean known = sha256.equals(KnownChecksums.of(category));
        if (!known && !allowUnknown) {
            throw DatasetException.inFile(path.toString(), "SHA-256 is " + sha256 + ", expected "
                    + KnownChecksums.of(category) + " (the upstream ETHICS file); replace the file, or allow an"
                    + " unknown dataset explicitly (--allow-unknown-dataset), which the result then records", null);
        }
        List<Scenario> scenarios = new ArrayList<>();
        int records = 0;
        String text = universalNewlines(utf8(bytes, path));
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                int number = records++;
                String label = strip(record.get("label"));
                if (!label.equals("0") && !label.equals("1")) {
                    continue;
                }
                String input = ScenarioInputs.build(category, record);
                if (strip(input).isEmpty()) {
                    continue;
                }
                scenarios.add(new Scenario(Scenario.idFor(category, number), category, input, label.charAt(0) - '0'));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw DatasetException.inFile(path.toString(), "not a valid ETHICS CSV file (" + e.getMessage()
                    + "); replace it with the upstream file", e);
        }
        return new Loaded(new DatasetFile(category, sha256, records, scenarios.size(), known), List.copyOf(scenarios));
    }

    /**
     * Line ends as CPython's text mode reads them ({@code open(path)}, which the reference and the goldens use):
     * CRLF and lone CR become LF, inside quoted fields too. A few commonsense inputs hold CRLF.
     */
    private static String universalNewlines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static byte[] bytes(Path path, Category category) {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw DatasetException.inFile(path.toString(), "missing; a dataset directory holds the upstream layout ("
                    + category.file() + " and the other test files)", e);
        } catch (IOException e) {
            throw DatasetException.inFile(path.toString(), "cannot be read: " + e.getMessage(), e);
        }
    }

    private static String utf8(byte[] bytes, Path path) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw DatasetException.inFile(path.toString(), "is not UTF-8 text; replace it with the upstream file", e);
        }
    }
}
