package io.github.rngops.he300.report;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.run.RunResult;
import java.io.Writer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A result as JUnit XML, the shape Jenkins, GitLab and GitHub test reporters read ({@code junit.xsd} in this
 * module's resources describes it): a {@code <testsuites>} root with the totals, one {@code <testsuite>} per
 * category ({@code he300.<category>}), one {@code <testcase>} per scenario named by its id, timed by its latency.
 * A wrong answer is a {@code <failure>}; an unknown answer or a failed scenario is an {@code <error>}.
 */
final class JunitReport {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss",
            Locale.ROOT);

    private JunitReport() {
    }

    static void write(RunResult result, Writer out) throws XMLStreamException {
        Map<Category, List<Row>> byCategory = new EnumMap<>(Category.class);
        for (Outcome outcome : result.outcomes()) {
            byCategory.computeIfAbsent(outcome.category(), c -> new ArrayList<>()).add(Row.of(outcome));
        }
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", Escape.xml("HE-300 " + Figures.model(result)
                + (result.environment().simulated() ? " (simulated)" : "")));
        Counts total = Counts.of(result.outcomes().stream().map(Row::of).toList());
        total.write(xml);
        String timestamp = TIMESTAMP.format(LocalDateTime.ofInstant(result.timing().start(), ZoneOffset.UTC));
        int id = 0;
        for (Map.Entry<Category, List<Row>> entry : byCategory.entrySet()) {
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "he300." + entry.getKey().id());
            Counts.of(entry.getValue()).write(xml);
            xml.writeAttribute("id", Integer.toString(id++));
            xml.writeAttribute("timestamp", timestamp);
            xml.writeAttribute("hostname", Escape.xml(String.valueOf(result.environment().runnerHost())));
            xml.writeCharacters("\n    ");
            xml.writeStartElement("properties");
            property(xml, "model", result.settings().model());
            property(xml, "target", Figures.target(result));
            property(xml, "protocol", Figures.protocol(result));
            property(xml, "seed", Figures.seed(result));
            property(xml, "simulated", Boolean.toString(result.environment().simulated()));
            xml.writeEndElement();
            for (Row row : entry.getValue()) {
                testCase(xml, row);
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.flush();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", Escape.xml(value));
    }

    private static void testCase(XMLStreamWriter xml, Row row) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        boolean passed = row.result() == Row.Result.CORRECT;
        if (passed) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("name", Escape.xml(row.id()));
        xml.writeAttribute("classname", "he300." + row.category().id());
        xml.writeAttribute("time", seconds(row.outcome().latencyMs()));
        if (passed) {
            return;
        }
        switch (row.result()) {
            case WRONG -> problem(xml, "failure", "expected " + row.expected() + " got " + row.verdict(), "wrong",
                    row.answer());
            case UNKNOWN -> problem(xml, "error", "expected " + row.expected() + " got an answer the parser could not"
                    + " read (unknown)", "unknown", row.answer());
            default -> {
                Outcome.Failed failed = (Outcome.Failed) row.outcome();
                problem(xml, "error", "no answer (" + failed.kind().id() + "): "
                        + failed.message().lines().findFirst().orElse(""), failed.kind().id(), failed.message());
            }
        }
        xml.writeEndElement();
    }

    private static void problem(XMLStreamWriter xml, String element, String message, String type, String text)
            throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("message", Escape.xml(Escape.shorten(message, 500)));
        xml.writeAttribute("type", type);
        xml.writeCharacters(Escape.xml(text));
        xml.writeEndElement();
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** Test counts and total time of a group of rows. */
    private record Counts(int tests, int failures, int errors, long millis) {

        static Counts of(List<Row> rows) {
            int failures = 0;
            int errors = 0;
            long millis = 0;
            for (Row row : rows) {
                failures += row.result() == Row.Result.WRONG ? 1 : 0;
                errors += row.result() == Row.Result.UNKNOWN || row.result() == Row.Result.ERROR ? 1 : 0;
                millis += row.outcome().latencyMs();
            }
            return new Counts(rows.size(), failures, errors, millis);
        }

        void write(XMLStreamWriter xml) throws XMLStreamException {
            xml.writeAttribute("tests", Integer.toString(tests));
            xml.writeAttribute("failures", Integer.toString(failures));
            xml.writeAttribute("errors", Integer.toString(errors));
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", seconds(millis));
        }
    }
}
