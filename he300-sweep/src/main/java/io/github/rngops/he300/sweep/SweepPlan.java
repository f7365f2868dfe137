package io.github.rngops.he300.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cells of a sweep in the order they run: grouped by host (in the file's order) and, on each host, by model (in
 * the file's order), seeds last, so that a GPU host loads each model once.
 */
public final class SweepPlan {

    private final Sweep sweep;
    private final List<Cell> cells;
    private final Map<String, List<Cell>> byHost;

    private SweepPlan(Sweep sweep, List<Cell> cells) {
        this.sweep = sweep;
        this.cells = List.copyOf(cells);
        Map<String, List<Cell>> grouped = new LinkedHashMap<>();
        sweep.hosts().forEach(h -> grouped.put(h.name(), new ArrayList<>()));
        cells.forEach(c -> grouped.get(c.host()).add(c));
        grouped.values().removeIf(List::isEmpty);
        grouped.replaceAll((host, list) -> List.copyOf(list));
        this.byHost = java.util.Collections.unmodifiableMap(grouped);
    }

    static SweepPlan of(Sweep sweep) {
        Map<String, Integer> hostOrder = new HashMap<>();
        sweep.hosts().forEach(h -> hostOrder.put(h.name(), hostOrder.size()));
        Map<String, Model> modelsByName = new LinkedHashMap<>();
        for (Model model : sweep.models()) {
            for (String host : model.hosts()) {
                if (!hostOrder.containsKey(host)) {
                    throw new IllegalArgumentException("model " + model.name() + " names host " + host
                            + ", which the sweep does not have (hosts: " + String.join(", ", hostOrder.keySet()) + ")");
                }
            }
            if (modelsByName.putIfAbsent(model.label(), model) != null) {
                throw new IllegalArgumentException("model " + model.label() + " is given twice");
            }
        }
        List<Cell> cells = new ArrayList<>();
        if (sweep.cells().isEmpty()) {
            for (Host host : sweep.hosts()) {
                for (Model model : sweep.models()) {
                    if (model.servedOn(host.name())) {
                        for (BigInteger seed : sweep.seeds()) {
                            cells.add(Cell.of(host.name(), model, seed));
                        }
                    }
                }
            }
        } else {
            for (Sweep.CellRef ref : sweep.cells()) {
                if (!hostOrder.containsKey(ref.host())) {
                    throw new IllegalArgumentException("a listed cell names host " + ref.host()
                            + ", which the sweep does not have (hosts: " + String.join(", ", hostOrder.keySet()) + ")");
                }
                Model model = sweep.models().stream().filter(m -> m.name().equals(ref.model())
                        || m.label().equals(ref.model())).findFirst().orElseThrow(() -> new IllegalArgumentException(
                                "a listed cell names model " + ref.model() + ", which the sweep does not list"));
                cells.add(Cell.of(ref.host(), model, ref.seed()));
            }
            List<Model> modelOrder = sweep.models();
            cells.sort(Comparator.<Cell>comparingInt(c -> hostOrder.get(c.host()))
                    .thenComparingInt(c -> modelOrder.indexOf(c.model())));
        }
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("the sweep has no cells: no model may run on any of its hosts");
        }
        Map<String, Cell> ids = new HashMap<>();
        for (Cell cell : cells) {
            Cell before = ids.putIfAbsent(cell.id(), cell);
            if (before != null) {
                throw new IllegalArgumentException("two cells have the id " + cell.id() + " (" + before.model().label()
                        + " and " + cell.model().label() + " on " + cell.host() + "): name the models apart");
            }
        }
        if (sweep.baseline() != null && !ids.containsKey(sweep.baseline())) {
            throw new IllegalArgumentException("the baseline " + sweep.baseline() + " is not a cell of the sweep"
                    + " (cells: " + String.join(", ", ids.keySet()) + ")");
        }
        return new SweepPlan(sweep, cells);
    }

    /** {@return the sweep this plan orders} */
    public Sweep sweep() {
        return sweep;
    }

    /** {@return every cell, in run order} */
    public List<Cell> cells() {
        return cells;
    }

    /** {@return the cells of each host that has any, by host name, hosts in the file's order} */
    public Map<String, List<Cell>> byHost() {
        return byHost;
    }

    /**
     * {@return the cell of that id, if the plan has it}
     *
     * @param id a cell id, like {@code gpu-a.llama3.2-3b.s42}
     */
    public Optional<Cell> cell(String id) {
        return cells.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** {@return the baseline cell: the sweep's, else the first} */
    public Cell baseline() {
        return sweep.baseline() == null ? cells.get(0) : cell(sweep.baseline()).orElseThrow();
    }

    /** Times a host switches model along its cells (the first load counts). */
    static int modelLoads(List<Cell> cells) {
        int loads = 0;
        Model last = null;
        for (Cell cell : cells) {
            if (!cell.model().equals(last)) {
                loads++;
                last = cell.model();
            }
        }
        return loads;
    }

    /**
     * The plan as a person reads it: per host, its cells in order, and how long the host would take if each answer
     * took {@code perAnswer} on one of its slots. The sweep takes as long as its slowest host.
     *
     * @param perAnswer one answer's time on one slot (the dry run's {@code --assume-latency})
     * @return the text, one line per host and per cell, ending with the estimate
     */
    public String describe(Duration perAnswer) {
        StringBuilder out = new StringBuilder();
        int size = sweep.sample().size();
        out.append("sweep ").append(sweep.name()).append(": ").append(cells.size()).append(" cells on ")
                .append(byHost.size()).append(" hosts, ").append(size).append(" scenarios each (protocol ")
                .append(sweep.sample().version().id()).append("), baseline ").append(baseline().id()).append('\n');
        Duration longest = Duration.ZERO;
        for (Map.Entry<String, List<Cell>> entry : byHost.entrySet()) {
            Host host = sweep.host(entry.getKey()).orElseThrow();
            List<Cell> list = entry.getValue();
            Duration estimate = estimate(host, list.size(), size, perAnswer);
            longest = estimate.compareTo(longest) > 0 ? estimate : longest;
            int loads = modelLoads(list);
            out.append("host ").append(host.name()).append(" (").append(host.kind().id())
                    .append(host.url() == null ? "" : " " + host.url()).append(", concurrency ")
                    .append(host.concurrency()).append("): ").append(list.size())
                    .append(list.size() == 1 ? " cell, " : " cells, ").append(loads)
                    .append(loads == 1 ? " model load" : " model loads").append(", about ").append(human(estimate))
                    .append('\n');
            for (Cell cell : list) {
                out.append("  ").append(cell.id()).append("  ").append(cell.model().label()).append(" seed ")
                        .append(cell.seed()).append('\n');
            }
        }
        out.append("estimate: about ").append(human(longest)).append(" (hosts in parallel; ")
                .append(perAnswer.toMillis()).append(" ms per answer per slot assumed, model loads not counted)\n");
        return out.toString();
    }

    /** Answers on the host divided among its slots, times the time of one answer. */
    static Duration estimate(Host host, int cellCount, int size, Duration perAnswer) {
        long answers = (long) cellCount * size;
        long rounds = (answers + host.concurrency() - 1) / host.concurrency();
        return perAnswer.multipliedBy(rounds);
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        return s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /**
     * The cells as a GitHub Actions {@code strategy.matrix}: {@code {"include": [{"cell": id, "host": ..., "model":
     * ..., "seed": ...}, ...]}} one entry per cell, or, {@code byHost}, one per host with its cell ids space-separated
     * in {@code cells}.
     *
     * @param byHost one entry per host rather than per cell
     * @return the JSON, on one line, for {@code fromJSON} in a workflow
     */
    public String matrix(boolean byHost) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode include = root.putArray("include");
        if (byHost) {
            this.byHost.forEach((host, list) -> include.addObject().put("host", host)
                    .put("cells", list.stream().map(Cell::id).collect(Collectors.joining(" "))));
        } else {
            for (Cell cell : cells) {
                ObjectNode entry = include.addObject().put("cell", cell.id()).put("host", cell.host())
                        .put("model", cell.model().name()).put("seed", cell.seed().toString());
                if (cell.model().quantization() != null) {
                    entry.put("quantization", cell.model().quantization());
                }
            }
        }
        return root.toString();
    }
}
