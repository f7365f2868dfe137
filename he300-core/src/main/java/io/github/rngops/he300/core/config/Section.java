package io.github.rngops.he300.core.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mapping of known keys with typed reads; a missing key reads as its default, a wrong value as a problem reported
 * to the file's {@link Problems} (and its default). Made by {@link ConfigNode#section(List)}; read by one thread.
 */
public final class Section {
    private final ConfigNode node;
    private final Map<String, ConfigNode> values;

    Section(ConfigNode node, Map<String, ConfigNode> values) {
        this.node = node;
        this.values = values;
    }

    /** {@return the mapping's own node} */
    public ConfigNode node() {
        return node;
    }

    /**
     * {@return whether {@code key} is present with a value that is not null}
     *
     * @param key the key, one of the section's known keys
     */
    public boolean has(String key) {
        return values.containsKey(key) && !values.get(key).isNull();
    }

    /**
     * {@return the value at {@code key}, or an absent node placed at this mapping}
     *
     * @param key the key, one of the section's known keys
     */
    public ConfigNode get(String key) {
        ConfigNode value = values.get(key);
        return value != null ? value : node.child(key);
    }

    /**
     * {@return the mapping at {@code key}, with its own known keys; absent or null reads as empty}
     *
     * @param key the key, one of the section's known keys
     * @param known the keys that mapping may have
     */
    public Section section(String key, List<String> known) {
        return get(key).section(known);
    }

    /**
     * {@return the text at {@code key}, or {@code fallback} if absent, null or not a scalar (then with a problem)}
     *
     * @param key the key, one of the section's known keys
     * @param fallback the default
     */
    public String string(String key, String fallback) {
        return get(key).text().orElse(fallback);
    }

    /**
     * {@return the text at {@code key}; empty if absent, null, empty or not a scalar (then with a problem)}
     *
     * @param key the key, one of the section's known keys
     */
    public Optional<String> optionalString(String key) {
        return get(key).text().filter(text -> !text.isEmpty());
    }

    /**
     * {@return the boolean at {@code key}, or {@code fallback} if absent, null or not a boolean (then with a problem)}
     *
     * @param key the key, one of the section's known keys
     * @param fallback the default
     */
    public boolean bool(String key, boolean fallback) {
        return get(key).bool().orElse(fallback);
    }

    /**
     * {@return the choice at {@code key} as written in {@code choices}, or {@code fallback} if absent, null or not
     * one of them (then with a problem and a did-you-mean)}
     *
     * @param key the key, one of the section's known keys
     * @param choices the accepted words, matched ignoring case
     * @param fallback the default
     */
    public String choice(String key, List<String> choices, String fallback) {
        return get(key).choice(choices).orElse(fallback);
    }

    /**
     * Reads a whole number in {@code min..max}.
     *
     * @param key the key, one of the section's known keys
     * @param fallback the default, returned if absent, null or refused
     * @param min the smallest accepted value
     * @param max the largest accepted value, at most {@link Integer#MAX_VALUE}
     * @param what completes "must be ..." in a problem: {@code "a port number 1..65535"}
     * @return the number, or {@code fallback}
     */
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

    /**
     * {@return the TCP or UDP port at {@code key} (1..65535), or {@code fallback} if absent, null or refused}
     *
     * @param key the key, one of the section's known keys
     * @param fallback the default
     */
    public int port(String key, int fallback) {
        return integer(key, fallback, 1, 65535, "a port number 1..65535");
    }

    /**
     * Reads {@code auto} or a whole number in {@code min..max}.
     *
     * @param key the key, one of the section's known keys
     * @param min the smallest accepted value, above {@link Integer#MIN_VALUE}
     * @param max the largest accepted value, at most {@link Integer#MAX_VALUE}
     * @param what completes "must be auto or ..." in a problem
     * @return the number; empty for {@code auto}, absent, null, or a refused value (then with a problem)
     */
    public Optional<Integer> autoInteger(String key, long min, long max, String what) {
        ConfigNode value = get(key);
        if (value.isNull() || value.peek().filter("auto"::equalsIgnoreCase).isPresent()) {
            return Optional.empty();
        }
        int n = integer(key, Integer.MIN_VALUE, min, max, "auto or " + what);
        return n == Integer.MIN_VALUE ? Optional.empty() : Optional.of(n);
    }

    /**
     * Reads {@code auto} or a positive number.
     *
     * @param key the key, one of the section's known keys
     * @param what completes "must be auto or ..." in a problem: {@code "a size in GiB"}
     * @return the number; empty for {@code auto}, absent, null, or a refused value (then with a problem)
     */
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

    /**
     * {@return the items of the list at {@code key} (see {@link ConfigNode#items()})}
     *
     * @param key the key, one of the section's known keys
     */
    public List<ConfigNode> list(String key) {
        return get(key).items();
    }
}
