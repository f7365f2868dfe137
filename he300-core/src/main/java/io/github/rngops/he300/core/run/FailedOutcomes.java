package io.github.rngops.he300.core.run;

/** What a resumed run does with the failed outcomes in its journal. */
public enum FailedOutcomes {
    /** Sends their scenarios again: a failure is what the server did then (a restart, an overload), not an answer. */
    SEND_AGAIN,
    /** Keeps them as they are: the resumed run sends only the scenarios that have no outcome. */
    KEEP
}
