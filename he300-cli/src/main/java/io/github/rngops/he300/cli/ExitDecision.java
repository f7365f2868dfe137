package io.github.rngops.he300.cli;

import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.run.RunResult;
import java.util.Locale;

/**
 * The exit code of a benchmark that ran: {@value Cli#OK} when it completed (and reached {@code --min-accuracy}),
 * {@value Cli#FAILURE} when it is incomplete (stopped, deadline passed, failed fast) or below the threshold.
 *
 * @param code the exit code
 * @param reason one line saying why, empty for success
 */
public record ExitDecision(int code, String reason) {

    /**
     * {@return the exit code and reason for {@code result}}
     *
     * @param result the run
     * @param minAccuracy the fraction to reach, or null when none was asked for
     */
    public static ExitDecision of(RunResult result, Double minAccuracy) {
        if (!result.complete()) {
            return new ExitDecision(Cli.FAILURE, "the run is incomplete (" + result.ending().id() + ")");
        }
        double accuracy = result.summary().accuracy();
        if (minAccuracy != null && accuracy < minAccuracy) {
            return new ExitDecision(Cli.FAILURE, String.format(Locale.ROOT,
                    "accuracy %.1f%% is below --min-accuracy %.1f%%", accuracy * 100, minAccuracy * 100));
        }
        return new ExitDecision(Cli.OK, "");
    }

    /**
     * {@return {@code value} as a fraction in [0, 1], or null for null}
     *
     * @param value {@code 0.7}, {@code 70%} or {@code 70} (a number above 1 is a percentage), or null
     * @throws He300Exception if it is none of these
     */
    public static Double parseMinAccuracy(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        boolean percent = text.endsWith("%");
        if (percent) {
            text = text.substring(0, text.length() - 1).strip();
        }
        double number;
        try {
            number = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new He300Exception("--min-accuracy must be a fraction like 0.7 or a percentage like 70%, was '"
                    + value + "'");
        }
        double fraction = percent || number > 1 ? number / 100 : number;
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new He300Exception("--min-accuracy must be between 0 and 1 (or 0% and 100%), was '" + value + "'");
        }
        return fraction;
    }
}
