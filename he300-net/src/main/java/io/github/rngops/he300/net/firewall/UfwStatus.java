package io.github.rngops.he300.net.firewall;

import io.github.rngops.he300.net.Cidr;
import io.github.rngops.he300.net.NetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What ufw has: from {@code ufw status} when it is active (the table of rules), or from {@code ufw show added} when
 * it is not (an inactive ufw prints no rules in {@code status}, but keeps the ones added).
 *
 * @param active whether ufw is enforcing its rules
 * @param allowed the allow rules on single ports that he300 understands; others are ignored
 */
public record UfwStatus(boolean active, List<UfwRule> allowed) {
    private static final Pattern TABLE_ROW = Pattern.compile(
            "^(\\d+)/(tcp|udp)( \\(v6\\))?\\s+ALLOW(?: IN)?\\s+(\\S+)(?: \\(v6\\))?\\s*$");
    private static final Pattern ADDED_SIMPLE = Pattern.compile("^ufw allow (\\d+)/(tcp|udp)$");
    private static final Pattern ADDED_FROM = Pattern.compile(
            "^ufw allow from (\\S+) to any port (\\d+) proto (tcp|udp)$");

    /**
     * Copies the rules.
     *
     * @param active whether ufw is enforcing its rules
     * @param allowed the allow rules on single ports that he300 understands; others are ignored
     */
    public UfwStatus {
        allowed = List.copyOf(allowed);
    }

    /**
     * Whether ufw already has a rule.
     *
     * @param rule the rule wanted
     * @return whether an equal rule (same port, protocol and source) is there
     */
    public boolean has(UfwRule rule) {
        return allowed.contains(rule);
    }

    /**
     * Reads {@code ufw status} (or {@code ufw status verbose}). An inactive ufw lists no rules here: read
     * {@code ufw show added} with {@link #parseAdded} then.
     *
     * @param output what the command printed
     * @return whether ufw is active, and the single-port allow rules of its table
     * @throws NetException if the first line is not {@code Status: active} or {@code Status: inactive}
     */
    public static UfwStatus parseStatus(String output) {
        String first = output.strip().lines().findFirst().orElse("");
        if (!first.startsWith("Status: ")) {
            throw NetException.unreadable("ufw status", "line 1", "expected 'Status: active' or 'Status: inactive',"
                    + " got '" + first + "'");
        }
        boolean active = first.equals("Status: active");
        List<UfwRule> rules = new ArrayList<>();
        for (String line : output.split("\\R")) {
            Matcher row = TABLE_ROW.matcher(line.strip());
            if (row.matches()) {
                String from = row.group(4);
                add(rules, Integer.parseInt(row.group(1)), row.group(2),
                        from.equals("Anywhere") ? Optional.empty() : Optional.of(from));
            }
        }
        return new UfwStatus(active, rules);
    }

    /**
     * Reads {@code ufw show added}, whose lines are the commands that added each rule; lines of other forms are
     * skipped.
     *
     * @param active whether ufw is active (from {@link #parseStatus}: this output does not say)
     * @param output what the command printed
     * @return the single-port allow rules added
     */
    public static UfwStatus parseAdded(boolean active, String output) {
        List<UfwRule> rules = new ArrayList<>();
        for (String line : output.split("\\R")) {
            Matcher simple = ADDED_SIMPLE.matcher(line.strip());
            Matcher from = ADDED_FROM.matcher(line.strip());
            if (simple.matches()) {
                add(rules, Integer.parseInt(simple.group(1)), simple.group(2), Optional.empty());
            } else if (from.matches()) {
                add(rules, Integer.parseInt(from.group(2)), from.group(3), Optional.of(from.group(1)));
            }
        }
        return new UfwStatus(active, rules);
    }

    private static void add(List<UfwRule> rules, int port, String protocol, Optional<String> from) {
        UfwRule rule = new UfwRule(port, protocol, from.map(text -> Cidr.parse("ufw source", text)));
        if (!rules.contains(rule)) {
            rules.add(rule);
        }
    }
}
