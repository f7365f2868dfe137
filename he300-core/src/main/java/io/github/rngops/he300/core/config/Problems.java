package io.github.rngops.he300.core.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one file so that all are reported at once; {@link #throwIfAny()} ends a read. */
public final class Problems {
    private final List<ConfigException.Problem> list = new ArrayList<>();

    public void add(ConfigNode at, String problem) {
        list.add(new ConfigException.Problem(at.file(), at.line(), at.column(), at.path(), problem));
    }

    public void add(ConfigException.Problem problem) {
        list.add(problem);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            List<ConfigException.Problem> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingInt(ConfigException.Problem::line)
                    .thenComparingInt(ConfigException.Problem::column));
            throw ConfigException.of(sorted);
        }
    }
}
