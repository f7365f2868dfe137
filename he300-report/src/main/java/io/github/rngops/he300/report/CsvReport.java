package io.github.rngops.he300.report;

import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.run.RunResult;
import java.io.IOException;
import java.io.Writer;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A result as CSV, RFC 4180 (comma, double quotes doubled, CRLF line ends), one row per outcome in sample order with
 * a header row. Text is written as it is: a spreadsheet that evaluates cells starting with {@code =} would
 * evaluate a model's answer, so open it as text.
 */
final class CsvReport {

    static final String[] HEADER = {"scenario_id", "category", "expected_label", "expected", "status", "verdict",
        "rule", "predicted_label", "correct", "result", "latency_ms", "attempts", "error_kind", "answer", "input"};

    private CsvReport() {
    }

    static void write(RunResult result, Function<String, String> inputs, Writer out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER).get();
        CSVPrinter csv = new CSVPrinter(out, format);
        for (Outcome outcome : result.outcomes()) {
            Row row = Row.of(outcome);
            String input = inputs.apply(outcome.scenarioId());
            if (outcome instanceof Outcome.Answered a) {
                csv.printRecord(a.scenarioId(), a.category().id(), a.expectedLabel(), row.expected(), "answered",
                        a.verdict().id(), a.rule().id(), a.predictedLabel() == null ? "" : a.predictedLabel(),
                        a.correct(), row.result().id, a.latencyMs(), a.attempts(), "", a.text(),
                        input == null ? "" : input);
            } else {
                Outcome.Failed f = (Outcome.Failed) outcome;
                csv.printRecord(f.scenarioId(), f.category().id(), f.expectedLabel(), row.expected(), "failed", "",
                        "", "", false, row.result().id, f.latencyMs(), f.attempts(), f.kind().id(), f.message(),
                        input == null ? "" : input);
            }
        }
        csv.flush();
    }
}
