package io.github.rngops.he300.report;

import io.github.rngops.he300.core.He300Exception;
import java.io.IOException;
import java.nio.file.Path;

/** What the report module refuses or cannot do, in one line for a person; commands exit with code 2. */
public class ReportException extends He300Exception {
    private static final long serialVersionUID = 1L;

    ReportException(String message) {
        super(message);
    }

    ReportException(String message, Throwable cause) {
        super(message, cause);
    }

    static ReportException unknownFormat(String word, String known) {
        return new ReportException("unknown report format \"" + word + "\": use one or more of " + known
                + " (comma-separated), or all");
    }

    static ReportException cannotWrite(Path file, IOException e) {
        return new ReportException("cannot write " + file + ": " + e.getMessage(), e);
    }

    static ReportException cannotRead(Path file, IOException e) {
        return new ReportException("cannot read " + file + ": " + e.getMessage(), e);
    }
}
