package io.github.rngops.he300.cli;

import io.github.rngops.he300.core.He300Exception;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code 90}, {@code 90s}, {@code 500ms}, {@code 5m}, {@code 2h} (a bare number is seconds) or ISO-8601
 * ({@code PT3M}) as a positive duration. {@link Cli} registers it for every {@link Duration} option, so that all
 * duration flags take the same forms.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final String FORMS = "90 (seconds), 90s, 500ms, 5m, 2h or ISO-8601 like PT3M";
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (He300Exception e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /**
     * {@return the duration {@code value} names}
     *
     * @param value {@code 90} (seconds), {@code 90s}, {@code 500ms}, {@code 5m} or {@code 2h}
     * @throws He300Exception saying the accepted forms if it names none
     */
    public static Duration parse(String value) {
        if (value.strip().toUpperCase(Locale.ROOT).startsWith("P")) {
            return iso(value);
        }
        Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new He300Exception("'" + value + "' is not a duration: use " + FORMS);
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis;
        switch (unit) {
            case "ms":
                millis = amount;
                break;
            case "m":
            case "min":
                millis = amount * 60_000;
                break;
            case "h":
                millis = amount * 3_600_000;
                break;
            default:
                millis = amount * 1000;
                break;
        }
        if (millis < 1) {
            throw new He300Exception("a duration must be at least 1 ms, was '" + value + "'");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    private static Duration iso(String value) {
        Duration duration;
        try {
            duration = Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new He300Exception("'" + value + "' is not a duration: use " + FORMS);
        }
        if (duration.toMillis() < 1) {
            throw new He300Exception("a duration must be at least 1 ms, was '" + value + "'");
        }
        return duration;
    }
}
