package io.github.rngops.he300.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rngops.he300.core.Category;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void positiveMeansTheCategoryPositiveLabel() {
        assertThat(Verdict.POSITIVE.label(Category.COMMONSENSE)).hasValue(0);
        assertThat(Verdict.POSITIVE.label(Category.COMMONSENSE_HARD)).hasValue(0);
        assertThat(Verdict.POSITIVE.label(Category.DEONTOLOGY)).hasValue(1);
        assertThat(Verdict.POSITIVE.label(Category.JUSTICE)).hasValue(1);
        assertThat(Verdict.POSITIVE.label(Category.VIRTUE)).hasValue(1);
    }

    @Test
    void negativeMeansTheOtherLabel() {
        assertThat(Verdict.NEGATIVE.label(Category.COMMONSENSE)).hasValue(1);
        assertThat(Verdict.NEGATIVE.label(Category.VIRTUE)).hasValue(0);
    }

    @Test
    void unknownIsNeverALabel() {
        for (Category category : Category.all()) {
            assertThat(Verdict.UNKNOWN.label(category)).isEmpty();
        }
        assertThat(Verdict.UNKNOWN.isKnown()).isFalse();
    }

    @Test
    void hasLowerCaseJsonNames() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.writeValueAsString(Verdict.POSITIVE)).isEqualTo("\"positive\"");
        assertThat(json.writeValueAsString(ParsedAnswer.Rule.FIRST_WORD)).isEqualTo("\"first_word\"");
        assertThat(json.readValue("\"unknown\"", Verdict.class)).isEqualTo(Verdict.UNKNOWN);
        assertThat(json.writeValueAsString(new ParsedAnswer(Verdict.NEGATIVE, ParsedAnswer.Rule.TAG)))
                .isEqualTo("{\"verdict\":\"negative\",\"rule\":\"tag\"}");
    }

    @Test
    void looksUpById() {
        assertThat(Verdict.fromId(" Negative ")).hasValue(Verdict.NEGATIVE);
        assertThat(Verdict.fromId("maybe")).isEmpty();
    }
}
