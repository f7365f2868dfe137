package io.github.rngops.he300.cli;

import io.github.rngops.he300.core.He300Exception;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code 90}, {@code 90s}, {@code 500ms}, {@code 5m}, {@code 2h} (a bare number is seconds) as a positive duration. */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /**
     * {@return the duration {@code value} names}
     *
     * @param value {@code 90} (seconds), {@code 90s}, {@code 500ms}, {@code 5m} or {@code 2h}
     * @throws He300Exception saying the accepted forms if it names none
     */
    public static Duration parse(String value) {
        Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new He300Exception("'" + value + "' is not a duration: use 90 (seconds), 90s, 500ms, 5m or 2h");
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
}
