package io.github.rngops.he300.core.dataset;

import io.github.rngops.he300.core.He300Exception;
import java.util.Optional;

/** The dataset could not be found, read or trusted. The message says which file and what to do. */
public final class DatasetException extends He300Exception {
    private static final long serialVersionUID = 1L;

    private final transient String file;

    DatasetException(String message, String file, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    static DatasetException of(String message) {
        return new DatasetException(message, null, null);
    }

    static DatasetException inFile(String file, String message, Throwable cause) {
        return new DatasetException(file + ": " + message, file, cause);
    }

    /** {@return the file the problem is in, when it is about one file} */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }
}
