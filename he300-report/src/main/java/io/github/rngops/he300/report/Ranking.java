package io.github.rngops.he300.report;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.dataset.DatasetFile;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.score.CategorySummary;
import io.github.rngops.he300.core.score.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of a {@link Leaderboard}: a row per entry, its difference from the baseline (Newcombe interval, exact
 * McNemar on the shared scenarios), its rank range, and whether its sample design matches the baseline's.
 */
final class Ranking {

    private Ranking() {
    }

    /** Why {@code other}'s sample design differs from {@code base}'s, or null when it does not. */
    static String mismatch(RunResult base, RunResult other) {
        if (!Objects.equals(base.spec().protocolVersion(), other.spec().protocolVersion())) {
            return "ran protocol " + other.spec().protocolVersion() + ", the baseline " + base.spec().protocolVersion();
        }
        if (base.spec().size() != other.spec().size()) {
            return "ran " + other.spec().size() + " scenarios, the baseline " + base.spec().size();
        }
        if (!base.spec().categories().equals(other.spec().categories())) {
            return "ran categories " + other.spec().categories() + ", the baseline " + base.spec().categories();
        }
        if (!checksums(base).equals(checksums(other))) {
            return "read other dataset files (SHA-256 differ from the baseline's)";
        }
        return null;
    }

    private static Map<Category, String> checksums(RunResult result) {
        Map<Category, String> sums = new EnumMap<>(Category.class);
        for (DatasetFile file : result.spec().datasetFiles()) {
            sums.put(file.category(), file.sha256());
        }
        return sums;
    }

    static List<LeaderboardRow> rows(List<Leaderboard.Entry> entries, Leaderboard.Entry base, Map<String, String> mismatches) {
        Map<String, Outcome> baseById = new HashMap<>();
        base.result().outcomes().forEach(o -> baseById.put(o.scenarioId(), o));
        List<LeaderboardRow> unranked = new ArrayList<>();
        for (Leaderboard.Entry entry : entries) {
            unranked.add(row(entry, entry == base ? null : versus(entry.result(), base.result(), baseById), 0, 0,
                    mismatches.get(entry.id())));
        }
        List<LeaderboardRow> rows = new ArrayList<>();
        for (LeaderboardRow row : unranked) {
            int above = 0;
            int below = 0;
            for (LeaderboardRow other : unranked) {
                if (other.interval().low() > row.interval().high()) {
                    above++;
                }
                if (other.interval().high() < row.interval().low()) {
                    below++;
                }
            }
            rows.add(new LeaderboardRow(row.id(), row.host(), row.model(), row.quantization(), row.seed(),
                    row.total(), row.accuracy(), row.interval(), row.categories(), row.unknownRate(), row.errorRate(),
                    row.p50Ms(), row.p95Ms(), row.scenariosPerSecond(), row.tokensPerSecond(), row.simulated(),
                    1 + above, unranked.size() - below, row.versus(), row.mismatch(), row.signature()));
        }
        rows.sort(Comparator.comparingDouble(LeaderboardRow::accuracy).reversed().thenComparing(LeaderboardRow::id));
        return List.copyOf(rows);
    }

    private static LeaderboardRow row(Leaderboard.Entry entry, LeaderboardRow.Versus versus, int rankLow, int rankHigh,
            String mismatch) {
        RunResult result = entry.result();
        Summary s = result.summary();
        Map<Category, LeaderboardRow.Figure> categories = new EnumMap<>(Category.class);
        for (CategorySummary c : s.categories()) {
            categories.put(c.category(), new LeaderboardRow.Figure(c.total(), c.accuracy(), c.interval()));
        }
        double total = Math.max(1, s.total());
        return new LeaderboardRow(entry.id(), entry.host(), entry.model(), entry.quantization(), entry.seed(),
                s.total(), s.accuracy(), s.interval(), categories, s.unknown() / total, s.errors() / total,
                s.latency().p50Ms(), s.latency().p95Ms(), result.timing().scenariosPerSecond(), s.tokensPerSecond(),
                result.environment().simulated(), rankLow, rankHigh, versus, mismatch, entry.signature());
    }

    private static LeaderboardRow.Versus versus(RunResult cell, RunResult base, Map<String, Outcome> baseById) {
        int shared = 0;
        int better = 0;
        int worse = 0;
        for (Outcome mine : cell.outcomes()) {
            Outcome theirs = baseById.get(mine.scenarioId());
            if (theirs == null) {
                continue;
            }
            shared++;
            if (mine.correct() && !theirs.correct()) {
                better++;
            } else if (!mine.correct() && theirs.correct()) {
                worse++;
            }
        }
        Summary a = cell.summary();
        Summary b = base.summary();
        double[] d = Difference.newcombe(a.correct(), a.total(), b.correct(), b.total());
        return new LeaderboardRow.Versus(d[0], d[1], d[2], shared, better, worse,
                shared == 0 ? 1 : McNemar.exactP(better, worse));
    }
}
