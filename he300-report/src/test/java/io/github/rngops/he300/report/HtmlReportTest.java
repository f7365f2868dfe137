package io.github.rngops.he300.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.parse.ParsedAnswer;
import io.github.rngops.he300.core.parse.Verdict;
import io.github.rngops.he300.core.run.RunResult;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static RunResult result;
    private static String html;

    @BeforeAll
    static void render() throws Exception {
        result = Results.realistic();
        html = render(result, InputTexts.of(Results.sample(300, 42).scenarios()));
    }

    static String render(RunResult result, InputTexts inputs) throws Exception {
        StringWriter out = new StringWriter();
        Reports.builder().inputs(inputs).build().render(result, Format.HTML, out);
        return out.toString();
    }

    private static String between(String text, String open, String close) {
        int from = text.indexOf(open) + open.length();
        return text.substring(from, text.indexOf(close, from));
    }

    @Test
    void allowsOnlyItsOwnStyleAndScriptByHash() {
        Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">")
                .matcher(html);
        assertThat(csp.find()).isTrue();
        String style = between(html, "<style>", "</style>");
        String script = between(html, "<script>", "</script>");

        assertThat(csp.group(1)).isEqualTo("default-src 'none'; style-src '" + Page.hash(style) + "'; script-src '"
                + Page.hash(script) + "'; img-src data:; base-uri 'none'; form-action 'none'");
        assertThat(html.indexOf("Content-Security-Policy")).isLessThan(html.indexOf("<style>"));
        assertThat(html).containsOnlyOnce("<style>").containsOnlyOnce("<script>");
    }

    @Test
    void isSelfContained() {
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(https?:)?//");
        assertThat(html).doesNotContainPattern("(?i)<(link|iframe|object|embed|img)\\b");
        assertThat(html).doesNotContainPattern("(?i)@import|url\\(");
        assertThat(html).doesNotContainPattern("\\sstyle=\"").doesNotContainPattern("\\son[a-z]+=\"");
    }

    @Test
    void readsOnPhonesAndPrints() {
        assertThat(html).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                "@media print", "@media (max-width:760px)", "<html lang=\"en\">", "<meta charset=\"utf-8\">");
    }

    @Test
    void hasTheHeaderTheChartsAndEveryScenario() {
        assertThat(html).contains("HE-300 result: llama3.2:3b (Q4_K_M)", "class=\"badge sim\"", ">Simulated<",
                "<dt>Protocol</dt><dd>1.0</dd>", "<dt>Seed</dt><dd>42</dd>", "<dt>Date</dt>");
        assertThat(Pattern.compile("<rect class=\"bar s0\"").matcher(html).results().count()).isEqualTo(6);
        assertThat(Pattern.compile("class=\"baseline-mark\"").matcher(html).results().count()).isEqualTo(6);
        assertThat(Pattern.compile("<rect class=\"hist\"").matcher(html).results().count()).isGreaterThan(5);
        assertThat(Pattern.compile("<tr class=\"s c-").matcher(html).results().count()).isEqualTo(300);
        assertThat(html).contains("Behavior: ", "Action: ", "Excuse: "); // inputs from the dataset
    }

    @Test
    void escapesEverythingFromTheResult() throws Exception {
        String hostile = "</td></tr></table><script>alert('x')</script><img src=x onerror=alert(1)> Ethical & \"so\"";
        Outcome outcome = new Outcome.Answered("s:cm_test:<b>1</b>", Category.COMMONSENSE, 0, hostile,
                Verdict.UNKNOWN, ParsedAnswer.Rule.NONE, null, false, 10, 1, null, null, null, null);
        String page = render(ReportsTest.resultOf(List.of(outcome)), InputTexts.none());

        assertThat(page).containsOnlyOnce("<script>").doesNotContain("<img").doesNotContain("<b>1</b>");
        assertThat(page).contains("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(&#39;x&#39;)"
                + "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; Ethical &amp; &quot;so&quot;");
    }

    @Test
    void filtersWithoutScriptThroughRadioButtonsAndCss() {
        assertThat(html).contains("<input type=\"radio\" name=\"cat\" id=\"cat-virtue\">",
                "<input type=\"radio\" name=\"res\" id=\"res-wrong\">", "<label for=\"res-wrong\">");
        String style = between(html, "<style>", "</style>");
        assertThat(style).contains("#cat-virtue:checked~.tablewrap tr.s:not(.c-virtue)",
                "#res-unknown:checked~.tablewrap tr.s:not(.r-unknown)");
        assertThat(html).contains("<div class=\"search\" id=\"search\" hidden>"); // the script shows it
    }
}
