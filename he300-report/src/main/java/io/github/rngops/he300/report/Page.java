package io.github.rngops.he300.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The frame of a self-contained HTML page: a Content-Security-Policy that allows nothing but this page's own
 * style and script, named by their SHA-256 hashes computed as the page is written (so no other inline code, no
 * {@code style} attribute and no network fetch can run, whatever text a result contains).
 */
final class Page {

    static final String CSS = resource("report.css");
    static final String JS = resource("report.js");

    private Page() {
    }

    /** Writes everything up to and including {@code <body>}; {@code css} is the whole style sheet. */
    static void open(Writer out, String title, String css, String script) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '"
                + hash(css) + "'; script-src " + (script == null ? "'none'" : "'" + hash(script) + "'")
                + "; img-src data:; base-uri 'none'; form-action 'none'\">\n");
        out.write("<meta name=\"referrer\" content=\"no-referrer\">\n");
        out.write("<meta name=\"generator\" content=\"he300-report\">\n");
        out.write("<title>" + Escape.html(title) + "</title>\n<style>");
        out.write(css);
        out.write("</style>\n</head>\n<body>\n<main>\n");
    }

    /** Writes the footer, the script (if any) and closes the page. */
    static void close(Writer out, String footer, String script) throws IOException {
        out.write("<footer>" + footer + "</footer>\n</main>\n");
        if (script != null) {
            out.write("<script>");
            out.write(script);
            out.write("</script>\n");
        }
        out.write("</body>\n</html>\n");
    }

    /** The CSP source for {@code text}: {@code sha256-<base64>} of its UTF-8 bytes. */
    static String hash(String text) {
        return "sha256-" + Base64.getEncoder().encodeToString(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A definition-list entry of the header. */
    static String meta(String term, String value) {
        return "<div><dt>" + Escape.html(term) + "</dt><dd>" + Escape.html(value) + "</dd></div>";
    }

    /** A two-column table of labels and values, all escaped. */
    static void pairs(Writer out, Iterable<java.util.Map.Entry<String, String>> pairs) throws IOException {
        out.write("<div class=\"tablewrap\"><table class=\"kv\"><tbody>\n");
        for (java.util.Map.Entry<String, String> pair : pairs) {
            out.write("<tr><th scope=\"row\">" + Escape.html(pair.getKey()) + "</th><td>"
                    + Escape.html(pair.getValue()) + "</td></tr>\n");
        }
        out.write("</tbody></table></div>\n");
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Page.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the he300-report jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
