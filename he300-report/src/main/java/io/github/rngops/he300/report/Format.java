package io.github.rngops.he300.report;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A report format, named on the command line by its {@link #id()}. */
public enum Format {
    /** The result itself ({@code <name>.json}) and a small summary ({@code <name>-summary.json}). */
    JSON("json", ".json"),
    /** Tables for people and for {@code $GITHUB_STEP_SUMMARY} ({@code <name>.md}). */
    MARKDOWN("md", ".md"),
    /** One self-contained page with charts and a filterable table ({@code <name>.html}). */
    HTML("html", ".html"),
    /** One test suite per category, one test case per scenario ({@code <name>-junit.xml}). */
    JUNIT("junit", "-junit.xml"),
    /** One RFC 4180 row per scenario ({@code <name>.csv}). */
    CSV("csv", ".csv");

    private final String id;
    private final String suffix;

    Format(String id, String suffix) {
        this.id = id;
        this.suffix = suffix;
    }

    /** {@return the name on the command line: {@code json}, {@code md}, {@code html}, {@code junit}, {@code csv}} */
    public String id() {
        return id;
    }

    /**
     * {@return the file name this format writes for a report named {@code name}}
     *
     * @param name the report's name, e.g. {@code result}
     */
    public String fileName(String name) {
        return name + suffix;
    }

    /**
     * Looks a format up by its id (or {@code markdown}, {@code xml}), ignoring case.
     *
     * @param id the name, as on the command line
     * @return the format, or empty when {@code id} names none
     */
    public static Optional<Format> fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("markdown")) {
            return Optional.of(MARKDOWN);
        }
        if (wanted.equals("xml")) {
            return Optional.of(JUNIT);
        }
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
    }

    /**
     * The formats of a comma-separated list such as {@code html,md,junit}; {@code all} means every format.
     *
     * @param list the list, as {@code --format} or {@code --report} takes it
     * @return the formats, in the enum's order
     * @throws ReportException naming the first word that is not a format
     */
    public static Set<Format> parseList(String list) {
        EnumSet<Format> formats = EnumSet.noneOf(Format.class);
        for (String word : list.split(",")) {
            if (word.isBlank()) {
                continue;
            }
            if (word.trim().equalsIgnoreCase("all")) {
                formats.addAll(EnumSet.allOf(Format.class));
                continue;
            }
            formats.add(fromId(word).orElseThrow(() -> ReportException.unknownFormat(word.trim(), allIds())));
        }
        if (formats.isEmpty()) {
            throw ReportException.unknownFormat(list, allIds());
        }
        return formats;
    }

    /** {@return every id, comma-separated, for messages} */
    public static String allIds() {
        return Arrays.stream(values()).map(Format::id).collect(Collectors.joining(","));
    }
}
