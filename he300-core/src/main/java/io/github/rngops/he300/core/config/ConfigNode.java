package io.github.rngops.he300.core.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * A YAML node with its place: file, 1-based line and column, dotted key path. An absent key is a node without a YAML
 * node that sits where its parent mapping starts, so that a problem about a missing value still has a place. Reads
 * report problems to the file's {@link Problems} and return a fallback, so that one read finds every problem.
 *
 * <p>A node's place and value never change; the reads add to its {@link Problems}, so a file's nodes are read by one
 * thread.
 */
public final class ConfigNode {
    private final String file;
    private final Node node;
    private final String path;
    private final int line;
    private final int column;
    private final Problems problems;
    private int keyLine;
    private int keyColumn;

    private ConfigNode(String file, Node node, String path, int line, int column, Problems problems) {
        this.file = file;
        this.node = node;
        this.path = path;
        this.line = line;
        this.column = column;
        this.problems = problems;
    }

    /**
     * Composes {@code text} into nodes (CoreSchema; duplicate keys are kept for the reads to report, aliases to
     * collections at most 20, at most 1 Mi code points).
     *
     * @param file the file's name as the user gave it, for the places of problems
     * @param text the whole file
     * @param problems where this file's reads report
     * @return the root node; an empty document gives a null root at line 1, column 1
     * @throws ConfigException at once, for a YAML syntax error, at snakeyaml's mark
     */
    public static ConfigNode parse(String file, String text, Problems problems) {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true).setMaxAliasesForCollections(20).setCodePointLimit(1 << 20).build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            String problem = "YAML syntax: " + (e.getProblem() == null ? "cannot parse" : e.getProblem())
                    + (e.getContext() == null ? "" : " (" + e.getContext() + ")");
            throw ConfigException.of(file, mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1, "", problem);
        } catch (YamlEngineException e) {
            throw ConfigException.of(file, 1, 1, "", "YAML: " + e.getMessage());
        }
        return root.map(n -> of(file, n, "", problems)).orElseGet(() -> new ConfigNode(file, null, "", 1, 1, problems));
    }

    private static ConfigNode of(String file, Node node, String path, Problems problems) {
        Mark mark = node.getStartMark().orElse(null);
        return new ConfigNode(file, node, path, mark == null ? 1 : mark.getLine() + 1,
                mark == null ? 1 : mark.getColumn() + 1, problems);
    }

    /** {@return the file's name as the user gave it} */
    public String file() {
        return file;
    }

    /** {@return the dotted key path: {@code services.ollama.port}, {@code hosts[2]}; empty for the root} */
    public String path() {
        return path;
    }

    /** {@return the 1-based line of the value (of its parent mapping, for an absent key)} */
    public int line() {
        return line;
    }

    /** {@return the 1-based column of the value (of its parent mapping, for an absent key)} */
    public int column() {
        return column;
    }

    /** {@return where this file's reads report} */
    public Problems problems() {
        return problems;
    }

    /** {@return whether the value is absent, or written as {@code ~}, {@code null} or nothing} */
    public boolean isNull() {
        return node == null || node.getTag().equals(Tag.NULL);
    }

    /**
     * Reports a problem at this node's place.
     *
     * @param text what is wrong and how to fix it
     */
    public void problem(String text) {
        problems.add(this, text);
    }

    /**
     * {@return an absent child: placed at this node's key (or this node, for the root), with the child's key path}
     *
     * @param key the child's key
     */
    public ConfigNode child(String key) {
        return keyLine > 0 ? new ConfigNode(file, null, join(path, key), keyLine, keyColumn, problems)
                : new ConfigNode(file, null, join(path, key), line, column, problems);
    }

    /** {@return this value's key as a node, for problems about the entry as a whole (a model that must not exist)} */
    public ConfigNode atKey() {
        return keyLine > 0 ? new ConfigNode(file, null, path, keyLine, keyColumn, problems) : this;
    }

    /**
     * This node as a mapping whose keys must be among {@code known} (in that order): unknown keys, duplicates and
     * non-string keys are problems. Absent or null reads as an empty mapping.
     *
     * @param known the keys the mapping may have, in the order a did-you-mean lists them
     * @return the mapping's known keys; a value that is not a mapping reads as empty, with a problem
     */
    public Section section(List<String> known) {
        return new Section(this, entries(known));
    }

    /**
     * {@return this node as a mapping with any keys (names of models or profiles): values by key, in file order}
     * Duplicate and non-string keys are problems and left out; absent or null reads as empty.
     */
    public Map<String, ConfigNode> entries() {
        return entries(null);
    }

    private Map<String, ConfigNode> entries(List<String> known) {
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        if (isNull()) {
            return out;
        }
        if (!(node instanceof MappingNode mapping)) {
            problem("must be a mapping of " + (known == null ? "names" : "keys (" + String.join(", ", known) + ")")
                    + ", was " + shown());
            return out;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            ConfigNode keyNode = of(file, tuple.getKeyNode(), path, problems);
            if (!(tuple.getKeyNode() instanceof ScalarNode scalarKey)) {
                keyNode.problem("a key must be a plain word, was " + keyNode.shown());
                continue;
            }
            String key = scalarKey.getValue();
            ConfigNode at = of(file, tuple.getKeyNode(), join(path, key), problems);
            if (known != null && !known.contains(key)) {
                at.problem("unknown key" + DidYouMean.hint(key, known));
                continue;
            }
            if (out.containsKey(key)) {
                at.problem("duplicate key (first at line " + out.get(key).keyLine + ")");
                continue;
            }
            ConfigNode value = of(file, tuple.getValueNode(), join(path, key), problems);
            value.keyLine = at.line;
            value.keyColumn = at.column;
            out.put(key, value);
        }
        return out;
    }

    /**
     * {@return the items of a sequence, placed at {@code path[i]}; a single scalar reads as a list of one, absent or
     * null as empty, a mapping as empty with a problem}
     */
    public List<ConfigNode> items() {
        List<ConfigNode> out = new ArrayList<>();
        if (isNull()) {
            return out;
        }
        if (node instanceof SequenceNode sequence) {
            List<Node> values = sequence.getValue();
            for (int i = 0; i < values.size(); i++) {
                out.add(of(file, values.get(i), path + "[" + i + "]", problems));
            }
        } else if (node instanceof ScalarNode) {
            out.add(this);
        } else {
            problem("must be a list, was " + shown());
        }
        return out;
    }

    /**
     * {@return the text of a scalar (any scalar: {@code 10.0.0.1}, {@code 8b}); empty if null, and empty with a
     * problem if not a scalar}
     */
    public Optional<String> text() {
        if (isNull()) {
            return Optional.empty();
        }
        if (node instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        problem("must be a single value, was " + shown());
        return Optional.empty();
    }

    /** {@return the text of a non-null scalar, without reporting anything (for {@code auto} checks); else empty} */
    public Optional<String> peek() {
        return node instanceof ScalarNode scalar && !isNull() ? Optional.of(scalar.getValue()) : Optional.empty();
    }

    /** Whether this is a plain (unquoted) scalar that YAML reads as {@code tag}. */
    private boolean is(Tag tag) {
        return node instanceof ScalarNode && node.getTag().equals(tag);
    }

    /**
     * Reads a whole number: decimal, {@code 0x} hex or {@code 0o} octal, {@code _} allowed between digits. Floats,
     * strings and collections are refused.
     *
     * @param what completes "must be ..." in a problem: {@code "a port number 1..65535"}
     * @return the number; empty if null, and empty with a problem if it is not a whole number
     */
    public Optional<BigInteger> integer(String what) {
        if (isNull()) {
            return Optional.empty();
        }
        if (node instanceof ScalarNode scalar) {
            String text = scalar.getValue().replace("_", "");
            Optional<BigInteger> value = parseInteger(text);
            if (value.isPresent() && !scalar.getTag().equals(Tag.FLOAT)) {
                return value;
            }
        }
        problem("must be " + what + ", was " + shown());
        return Optional.empty();
    }

    /**
     * Reads a number, whole or not, {@code _} allowed between digits.
     *
     * @param what completes "must be ..." in a problem: {@code "a size in GiB"}
     * @return the number; empty if null, and empty with a problem if it is not a number
     */
    public Optional<BigDecimal> number(String what) {
        if (isNull()) {
            return Optional.empty();
        }
        if (node instanceof ScalarNode scalar) {
            try {
                return Optional.of(new BigDecimal(scalar.getValue().replace("_", "")));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem("must be " + what + ", was " + shown());
        return Optional.empty();
    }

    /**
     * {@return a YAML boolean ({@code true} or {@code false}, any case); empty if null, and empty with a problem for
     * anything else}
     */
    public Optional<Boolean> bool() {
        if (isNull()) {
            return Optional.empty();
        }
        if (is(Tag.BOOL)) {
            return Optional.of(((ScalarNode) node).getValue().toLowerCase(Locale.ROOT).equals("true"));
        }
        problem("must be true or false, was " + shown());
        return Optional.empty();
    }

    /**
     * Reads one of {@code choices}, matched ignoring case.
     *
     * @param choices the accepted words
     * @return the choice as written in {@code choices}; empty if null, and empty with a problem (and a did-you-mean)
     *     for anything else
     */
    public Optional<String> choice(List<String> choices) {
        return text().flatMap(text -> {
            for (String choice : choices) {
                if (choice.equalsIgnoreCase(text)) {
                    return Optional.of(choice);
                }
            }
            problem("must be one of " + String.join(", ", choices) + ", was \"" + text + "\""
                    + DidYouMean.nearest(text, choices).map(s -> "; did you mean '" + s + "'?").orElse(""));
            return Optional.empty();
        });
    }

    /**
     * Reads a scalar's text with {@code reader}; an {@link IllegalArgumentException} from it becomes a problem here,
     * with its message.
     *
     * @param <T> what the reader makes
     * @param reader makes a value from the text, or throws {@code IllegalArgumentException} saying what is wrong
     * @return the value; empty if null, and empty with a problem if the text is refused
     */
    public <T> Optional<T> text(Function<String, T> reader) {
        return text().flatMap(text -> {
            try {
                return Optional.of(reader.apply(text));
            } catch (IllegalArgumentException e) {
                problem(e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** {@return how the value looks in a problem: {@code 70000}, {@code "abc" (a string)}, {@code a mapping}} */
    public String shown() {
        if (node == null) {
            return "nothing";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar.getTag().equals(Tag.STR)) {
            return "\"" + scalar.getValue() + "\" (a string)";
        }
        return scalar.getValue();
    }

    private static Optional<BigInteger> parseInteger(String text) {
        try {
            String sign = text.startsWith("-") ? "-" : "";
            String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
            if (digits.startsWith("0x")) {
                return Optional.of(new BigInteger(sign + digits.substring(2), 16));
            }
            if (digits.startsWith("0o")) {
                return Optional.of(new BigInteger(sign + digits.substring(2), 8));
            }
            return digits.matches("[0-9]+") ? Optional.of(new BigInteger(sign + digits)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
