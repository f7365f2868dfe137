package io.github.rngops.he300.cli;

import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.score.Summary;
import java.util.Locale;

/**
 * The exit code of a benchmark that ran: {@value Cli#OK} when it completed, answered, stayed within its failed-share
 * limit ({@code --max-failed}, recorded in the result as {@code settings.max_failed}) and reached
 * {@code --min-accuracy}; {@value Cli#FAILURE} when it is incomplete (stopped, deadline passed, failed fast), when no
 * scenario was answered, when more than the limit failed, or when it is below the threshold. The same for every
 * target: a run whose scenarios failed is not a measurement.
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
        Summary s = result.summary();
        if (s.total() > 0 && s.errors() == s.total()) {
            return new ExitDecision(Cli.FAILURE, "no scenario was answered: all " + s.total() + " failed ("
                    + ConsoleSummary.errorsByKind(result) + ")");
        }
        Double maxFailed = result.settings().maxFailed();
        if (maxFailed != null && s.total() > 0 && (double) s.errors() / s.total() > maxFailed) {
            return new ExitDecision(Cli.FAILURE, String.format(Locale.ROOT,
                    "%d of %d scenarios failed (%s), more than --max-failed %s allows (%s)", s.errors(), s.total(),
                    ConsoleSummary.percent((double) s.errors() / s.total()), ConsoleSummary.percent(maxFailed),
                    ConsoleSummary.errorsByKind(result)));
        }
        double accuracy = s.accuracy();
        if (minAccuracy != null && accuracy < minAccuracy) {
            return new ExitDecision(Cli.FAILURE, String.format(Locale.ROOT,
                    "accuracy %.1f%% is below --min-accuracy %.1f%%", accuracy * 100, minAccuracy * 100));
        }
        return new ExitDecision(Cli.OK, "");
    }

    /**
     * {@return {@code --min-accuracy} as a fraction in [0, 1], or null when not given}
     *
     * @param value {@code 0.7} or {@code 70%}, or null
     * @throws He300Exception naming the flag when it is neither, or outside [0, 1]
     */
    public static Double parseMinAccuracy(String value) {
        return value == null ? null : parseFraction("--min-accuracy", value, "0.7", "70%");
    }

    /**
     * {@return {@code --max-failed} as a fraction in [0, 1]}
     *
     * @param value {@code 0.05} or {@code 5%}
     * @throws He300Exception naming the flag when it is neither, or outside [0, 1]
     */
    public static double parseMaxFailed(String value) {
        return parseFraction("--max-failed", value, "0.05", "5%");
    }

    /**
     * A fraction in [0, 1], or a percentage in [0%, 100%] written with its {@code %}. A bare number above 1 is refused
     * rather than guessed at: {@code 1.5} might mean 1.5% or be a typo for 0.15.
     */
    private static double parseFraction(String flag, String value, String fractionExample, String percentExample) {
        String text = value.strip();
        boolean percent = text.endsWith("%");
        if (percent) {
            text = text.substring(0, text.length() - 1).strip();
        }
        double number;
        try {
            number = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            number = Double.NaN;
        }
        double fraction = percent ? number / 100 : number;
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new He300Exception(flag + " must be a fraction from 0 to 1 like " + fractionExample
                    + ", or a percentage from 0% to 100% like " + percentExample + ", was '" + value + "'");
        }
        return fraction;
    }
}
