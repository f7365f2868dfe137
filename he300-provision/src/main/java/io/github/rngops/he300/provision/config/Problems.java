package io.github.rngops.he300.provision.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one file so that all are reported at once; {@link #throwIfAny()} ends a read. */
final class Problems {
    private final List<ConfigException.Problem> list = new ArrayList<>();

    void add(ConfigNode at, String problem) {
        list.add(new ConfigException.Problem(at.file(), at.line(), at.column(), at.path(), problem));
    }

    void add(ConfigException.Problem problem) {
        list.add(problem);
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            List<ConfigException.Problem> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingInt(ConfigException.Problem::line)
                    .thenComparingInt(ConfigException.Problem::column));
            throw ConfigException.of(sorted);
        }
    }
}
