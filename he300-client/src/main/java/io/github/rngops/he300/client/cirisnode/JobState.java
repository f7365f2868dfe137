package io.github.rngops.he300.client.cirisnode;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** Where a benchmark job is, as {@code GET /api/v1/benchmarks/status/{id}} says. */
public enum JobState {
    /** Accepted, not started; a node with its EthicsEngine path enabled leaves jobs here for good. */
    PENDING,
    /** Started, not finished. */
    RUNNING,
    /** Finished with a result to fetch with {@link CirisNodeClient#results}. */
    COMPLETED,
    /** Finished without a result; the results call says why. */
    FAILED,

    /** A state this client does not know (a newer node). */
    UNKNOWN;

    /** {@return whether the job will change no more} */
    public boolean finished() {
        return this == COMPLETED || this == FAILED;
    }

    @JsonCreator
    static JobState of(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
