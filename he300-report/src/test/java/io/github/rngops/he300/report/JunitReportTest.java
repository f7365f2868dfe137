package io.github.rngops.he300.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.parse.ParsedAnswer;
import io.github.rngops.he300.core.parse.Verdict;
import io.github.rngops.he300.core.run.RunResult;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

class JunitReportTest {

    private static RunResult result;
    private static String xml;

    @BeforeAll
    static void render() throws Exception {
        result = Results.realistic();
        xml = render(result);
    }

    static String render(RunResult result) throws Exception {
        StringWriter out = new StringWriter();
        Reports.builder().build().render(result, Format.JUNIT, out);
        return out.toString();
    }

    static Schema schema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return factory.newSchema(new StreamSource(JunitReport.class.getResource("junit.xsd").toString()));
    }

    static void validate(String xml) throws Exception {
        schema().newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    @Test
    void isValidAgainstTheJunitSchema() throws Exception {
        validate(xml);
    }

    @Test
    void theSchemaRejectsWhatReadersWouldNot() {
        assertThatThrownBy(() -> validate("<testsuites><testsuite name=\"x\"><testcase name=\"a\"/></testsuite>"
                + "</testsuites>")).isInstanceOf(SAXParseException.class).hasMessageContaining("tests");
        assertThatThrownBy(() -> validate("<testsuites><testsuite name=\"x\" tests=\"1\"><testcase name=\"a\" "
                + "time=\"soon\"/></testsuite></testsuites>")).isInstanceOf(SAXParseException.class);
        assertThatThrownBy(() -> validate("<testsuites><testsuite name=\"x\" tests=\"1\"><testcase/></testsuite>"
                + "</testsuites>")).isInstanceOf(SAXParseException.class).hasMessageContaining("name");
    }

    @Test
    void hasOneSuitePerCategoryAndOneCasePerScenario() throws Exception {
        Document document = parse(xml);
        Element root = document.getDocumentElement();
        NodeList suites = root.getElementsByTagName("testsuite");
        NodeList cases = root.getElementsByTagName("testcase");

        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(suites.getLength()).isEqualTo(5);
        assertThat(cases.getLength()).isEqualTo(300);
        assertThat(root.getAttribute("tests")).isEqualTo("300");
        int wrong = (int) result.outcomes().stream().map(Row::of).filter(r -> r.result() == Row.Result.WRONG).count();
        assertThat(root.getAttribute("failures")).isEqualTo(Integer.toString(wrong));
        assertThat(root.getAttribute("errors"))
                .isEqualTo(Integer.toString(result.summary().unknown() + result.summary().errors()));
        assertThat(root.getElementsByTagName("failure").getLength()).isEqualTo(wrong);
        Element first = (Element) cases.item(0);
        assertThat(first.getAttribute("classname")).startsWith("he300.").isEqualTo(
                ((Element) first.getParentNode()).getAttribute("name"));
        Outcome outcome = result.outcomes().stream().filter(o -> o.scenarioId().equals(first.getAttribute("name")))
                .findFirst().orElseThrow();
        assertThat(first.getAttribute("time")).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f",
                outcome.latencyMs() / 1000.0));
    }

    @Test
    void saysWhatWasExpectedAndWhatCameBack() throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(new Outcome.Answered("s:cm_test:00001", Category.COMMONSENSE, 0, "Unethical. \u0000 <b>x</b>",
                Verdict.NEGATIVE, ParsedAnswer.Rule.FIRST_WORD, 1, false, 1500, 1, null, null, null, null));
        outcomes.add(new Outcome.Answered("s:cm_test:00002", Category.COMMONSENSE, 1, "hmm", Verdict.UNKNOWN,
                ParsedAnswer.Rule.NONE, null, false, 20, 1, null, null, null, null));
        outcomes.add(new Outcome.Failed("s:cm_test:00003", Category.COMMONSENSE, 1, ErrorKind.TIMEOUT,
                "no answer within 30 s", 30_000, 3));
        outcomes.add(new Outcome.Answered("s:cm_test:00004", Category.COMMONSENSE, 1, "Unethical", Verdict.NEGATIVE,
                ParsedAnswer.Rule.FIRST_WORD, 1, true, 7, 1, null, null, null, null));
        String small = render(ReportsTest.resultOf(outcomes));

        validate(small);
        Document document = parse(small);
        Element failure = (Element) document.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("expected Ethical got Unethical");
        assertThat(failure.getTextContent()).isEqualTo("Unethical. \uFFFD <b>x</b>");
        NodeList errors = document.getElementsByTagName("error");
        assertThat(errors.getLength()).isEqualTo(2);
        assertThat(((Element) errors.item(0)).getAttribute("type")).isEqualTo("unknown");
        assertThat(((Element) errors.item(1)).getAttribute("type")).isEqualTo("timeout");
        assertThat(((Element) errors.item(1)).getAttribute("message")).contains("no answer within 30 s");
        assertThat(small).contains("time=\"1.500\"", "time=\"30.000\"");
    }
}
