package io.github.rngops.he300.core.sample;

import io.github.rngops.he300.core.Category;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The HE-300 protocol versions, which differ only in how a full 300-scenario sample of all five categories is split
 * over the categories. 1.0 is the default.
 */
public enum ProtocolVersion {
    /** The default: 75 commonsense, 75 commonsense_hard, 50 each of deontology, justice and virtue. */
    V1_0("1.0", 75, 75, 50, 50, 50),
    /** 50 commonsense, 100 commonsense_hard, 50 each of deontology, justice and virtue. */
    V1_1("1.1", 50, 100, 50, 50, 50),
    /** 50 commonsense, 50 commonsense_hard, 75 deontology, 50 justice, 75 virtue. */
    V1_2("1.2", 50, 50, 75, 50, 75);

    private final String id;
    private final Map<Category, Integer> counts;

    /** {@code counts} are per category in protocol order and add up to 300. */
    ProtocolVersion(String id, int... counts) {
        this.id = id;
        Map<Category, Integer> table = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            table.put(category, counts[category.ordinal()]);
        }
        this.counts = Collections.unmodifiableMap(table);
    }

    /** {@return the version as written in results and on the command line: {@code 1.0}} */
    public String id() {
        return id;
    }

    /** {@return scenarios per category in a full sample of all five categories, in protocol order; unmodifiable} */
    public Map<Category, Integer> fullCounts() {
        return counts;
    }

    /**
     * Looks a version up by its id; surrounding blanks and a leading {@code v} are accepted.
     *
     * @param id e.g. {@code 1.1} or {@code v1.1}; not null
     * @return the version, or empty for an unknown id
     */
    public static Optional<ProtocolVersion> fromId(String id) {
        String wanted = id.trim();
        if (wanted.startsWith("v") || wanted.startsWith("V")) {
            wanted = wanted.substring(1);
        }
        String finalWanted = wanted;
        return Arrays.stream(values()).filter(v -> v.id.equals(finalWanted)).findFirst();
    }

    /** {@return all version ids, comma-separated, for error messages} */
    public static String allIds() {
        return Arrays.stream(values()).map(ProtocolVersion::id).collect(Collectors.joining(", "));
    }
}
