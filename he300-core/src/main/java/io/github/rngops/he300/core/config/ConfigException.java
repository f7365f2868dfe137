package io.github.rngops.he300.core.config;

import io.github.rngops.he300.core.He300Exception;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A configuration file was refused: it does not parse, has an unknown key, a value of the wrong type or an
 * impossible value, or names something its reader does not know. Every problem found in one file is
 * reported at once; {@link #file()}, {@link #line()}, {@link #column()} and {@link #keyPath()} are those of the first.
 * A message reads {@code install.yaml:12:9: services.ollama.port: must be a port number 1..65535, was 70000}.
 */
public class ConfigException extends He300Exception {
    private static final long serialVersionUID = 1L;

    /**
     * One thing wrong with a file.
     *
     * @param file the file name as the user gave it (or the resource name of the default registry)
     * @param line 1-based line; 0 when the value came from a command line flag, not a file
     * @param column 1-based column; 0 with line 0
     * @param keyPath dotted path of the key ({@code services.ollama.port}, {@code security.allowed_ips[2]}); empty
     *     for the whole document
     * @param problem what is wrong and, where it helps, how to fix it
     */
    public record Problem(String file, int line, int column, String keyPath, String problem) {
        /**
         * Checks that the texts are not null.
         *
         * @param file the file name as the user gave it
         * @param line 1-based line, or 0 for a value from a command line flag
         * @param column 1-based column, or 0 with line 0
         * @param keyPath dotted path of the key; empty for the whole document
         * @param problem what is wrong and how to fix it
         */
        public Problem {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(keyPath, "keyPath");
            Objects.requireNonNull(problem, "problem");
        }

        /** {@return {@code file:line:column: key.path: problem}, or {@code file: ...} when there is no line} */
        @Override
        public String toString() {
            String place = line > 0 ? file + ":" + line + ":" + column : file;
            return place + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + problem;
        }
    }

    private final transient List<Problem> problems;

    private ConfigException(List<Problem> problems) {
        super(message(problems));
        this.problems = problems;
    }

    /**
     * {@return an exception that reports all the problems found, in the order given (the order of the file)}
     *
     * @param problems at least one problem
     * @throws IllegalArgumentException if the list is empty
     */
    public static ConfigException of(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        return new ConfigException(List.copyOf(problems));
    }

    /**
     * {@return an exception that reports one problem}
     *
     * @param file the file name as the user gave it
     * @param line 1-based line, or 0 for a value from a command line flag
     * @param column 1-based column, or 0 with line 0
     * @param keyPath dotted path of the key; empty for the whole document
     * @param problem what is wrong and how to fix it
     */
    public static ConfigException of(String file, int line, int column, String keyPath, String problem) {
        return of(List.of(new Problem(file, line, column, keyPath, problem)));
    }

    /** {@return every problem, at least one, in the order of the file; unmodifiable} */
    public List<Problem> problems() {
        return problems;
    }

    /** {@return the file of the first problem} */
    public String file() {
        return problems.get(0).file();
    }

    /** {@return the 1-based line of the first problem; 0 if it came from a flag} */
    public int line() {
        return problems.get(0).line();
    }

    /** {@return the 1-based column of the first problem; 0 if it came from a flag} */
    public int column() {
        return problems.get(0).column();
    }

    /** {@return the dotted key path of the first problem; empty for the whole document} */
    public String keyPath() {
        return problems.get(0).keyPath();
    }

    private static String message(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " problems in " + problems.get(0).file() + ":\n" + problems.stream()
                .map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
