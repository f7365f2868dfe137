package io.github.rngops.he300.core.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems of one file so that all are reported at once; {@link #throwIfAny()} ends a read. Mutable and
 * not thread-safe: one reader fills it.
 */
public final class Problems {
    /** An empty collection. */
    public Problems() {}

    private final List<ConfigException.Problem> list = new ArrayList<>();

    /**
     * Records a problem at a node's place (file, line, column, key path).
     *
     * @param at the node the problem is about
     * @param problem what is wrong and how to fix it
     */
    public void add(ConfigNode at, String problem) {
        list.add(new ConfigException.Problem(at.file(), at.line(), at.column(), at.path(), problem));
    }

    /**
     * Records a problem placed already.
     *
     * @param problem the problem; not null
     */
    public void add(ConfigException.Problem problem) {
        list.add(problem);
    }

    /** {@return whether no problem has been recorded} */
    public boolean isEmpty() {
        return list.isEmpty();
    }

    /**
     * Ends a read: does nothing if no problem was recorded.
     *
     * @throws ConfigException with every problem, sorted by line and column, if there is any
     */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            List<ConfigException.Problem> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingInt(ConfigException.Problem::line)
                    .thenComparingInt(ConfigException.Problem::column));
            throw ConfigException.of(sorted);
        }
    }
}
