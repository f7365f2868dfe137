package io.github.rngops.he300.core.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How a run ended. Only {@link #COMPLETED} has an outcome for every scenario. */
public enum Ending {
    /** Every scenario has an outcome. */
    COMPLETED,
    /** Stopped on request (Ctrl-C): the scenarios without an outcome did not run; resume sends them. */
    STOPPED,
    /** The whole-run deadline passed: the scenarios without an outcome did not run; resume sends them. */
    DEADLINE,
    /** The first outcomes all failed the same way; see {@link RunFailedException}. */
    FAILED_FAST,
    /** The engine could not go on (its journal could not be written, a listener failed). */
    ABORTED;

    /** {@return the name in JSON: {@code failed_fast}} */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static Ending fromJson(String id) {
        return Arrays.stream(values()).filter(e -> e.id().equalsIgnoreCase(id.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ending \"" + id + "\""));
    }
}
