package io.github.rngops.he300.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonTextTest {

    @Test
    void whitespaceIsExactlyWhatPythonIsspaceAccepts() {
        // [hex(c) for c in range(0x10000) if chr(c).isspace()] in CPython 3.11
        List<Integer> python = List.of(0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680,
                0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029,
                0x202f, 0x205f, 0x3000);
        List<Integer> ours = new ArrayList<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            if (PythonText.isSpace((char) c)) {
                ours.add(c);
            }
        }
        assertThat(ours).isEqualTo(python);
    }

    @Test
    void stripsPythonWhitespace() {
        assertThat(PythonText.strip("\u00a0\u0085 a b\u3000\u001f")).isEqualTo("a b");
        assertThat(PythonText.strip("\u200ba\u200b")).isEqualTo("\u200ba\u200b");
        assertThat(PythonText.strip(" \t ")).isEmpty();
    }

    @Test
    void stripsGivenCharacters() {
        assertThat(PythonText.strip("*\"ETHICAL.\"*", ".,!:;*\"'")).isEqualTo("ETHICAL");
        assertThat(PythonText.strip("**", "*")).isEmpty();
    }

    @Test
    void findsTheFirstWordOfTheFirstNonBlankLine() {
        assertThat(PythonText.firstWord("\n \n  word next\nline")).isEqualTo("word");
        assertThat(PythonText.firstWord("\u2003word\u00a0next")).isEqualTo("word");
        assertThat(PythonText.firstWord(" \n ")).isEmpty();
    }

    @Test
    void blankMeansOnlyPythonWhitespace() {
        assertThat(PythonText.isBlank("")).isTrue();
        assertThat(PythonText.isBlank("\u3000\r\n")).isTrue();
        assertThat(PythonText.isBlank("\u200b")).isFalse();
    }
}
