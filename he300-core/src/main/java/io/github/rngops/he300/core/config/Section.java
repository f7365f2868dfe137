package io.github.rngops.he300.core.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A mapping of known keys with typed reads; a missing key reads as its default, a wrong value as a problem. */
public final class Section {
    private final ConfigNode node;
    private final Map<String, ConfigNode> values;

    Section(ConfigNode node, Map<String, ConfigNode> values) {
        this.node = node;
        this.values = values;
    }

    public ConfigNode node() {
        return node;
    }

    public boolean has(String key) {
        return values.containsKey(key) && !values.get(key).isNull();
    }

    /** The value at {@code key}, or an absent node placed at this mapping. */
    public ConfigNode get(String key) {
        ConfigNode value = values.get(key);
        return value != null ? value : node.child(key);
    }

    public Section section(String key, List<String> known) {
        return get(key).section(known);
    }

    public String string(String key, String fallback) {
        return get(key).text().orElse(fallback);
    }

    public Optional<String> optionalString(String key) {
        return get(key).text().filter(text -> !text.isEmpty());
    }

    public boolean bool(String key, boolean fallback) {
        return get(key).bool().orElse(fallback);
    }

    public String choice(String key, List<String> choices, String fallback) {
        return get(key).choice(choices).orElse(fallback);
    }

    /** A whole number in {@code min..max}; {@code what} completes "must be ...", e.g. "a port number 1..65535". */
    public int integer(String key, int fallback, long min, long max, String what) {
        ConfigNode value = get(key);
        Optional<BigInteger> number = value.integer(what);
        if (number.isEmpty()) {
            return fallback;
        }
        BigInteger n = number.get();
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            value.problem("must be " + what + ", was " + n);
            return fallback;
        }
        return n.intValueExact();
    }

    public int port(String key, int fallback) {
        return integer(key, fallback, 1, 65535, "a port number 1..65535");
    }

    /** {@code auto} (empty) or a whole number in {@code min..max}. */
    public Optional<Integer> autoInteger(String key, long min, long max, String what) {
        ConfigNode value = get(key);
        if (value.isNull() || value.peek().filter("auto"::equalsIgnoreCase).isPresent()) {
            return Optional.empty();
        }
        int n = integer(key, Integer.MIN_VALUE, min, max, "auto or " + what);
        return n == Integer.MIN_VALUE ? Optional.empty() : Optional.of(n);
    }

    /** A positive number ({@code auto} → empty). */
    public Optional<BigDecimal> autoPositive(String key, String what) {
        ConfigNode value = get(key);
        if (value.isNull() || value.peek().filter("auto"::equalsIgnoreCase).isPresent()) {
            return Optional.empty();
        }
        Optional<BigDecimal> number = value.number("auto or " + what);
        if (number.isPresent() && number.get().signum() <= 0) {
            value.problem("must be auto or " + what + ", was " + number.get().toPlainString());
            return Optional.empty();
        }
        return number;
    }

    public List<ConfigNode> list(String key) {
        return get(key).items();
    }
}
