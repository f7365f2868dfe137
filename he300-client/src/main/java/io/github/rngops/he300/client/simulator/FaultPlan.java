package io.github.rngops.he300.client.simulator;

import java.util.Map;
import java.util.Optional;

/**
 * Which fault, if any, strikes generation request {@code n}: the schedule's entry for {@code n}, else one draw
 * {@code u} in [0, 1) from the seed and {@code n}, compared with the rates stacked in {@link Fault} order.
 */
final class FaultPlan {

    private final long seed;
    private final Map<Fault, Double> rates;
    private final Map<Long, Fault> schedule;

    FaultPlan(SimulatorSettings settings) {
        this.seed = settings.seed();
        this.rates = settings.faultRates();
        this.schedule = settings.faultSchedule();
    }

    Optional<Fault> faultFor(long n) {
        Fault scheduled = schedule.get(n);
        if (scheduled != null) {
            return Optional.of(scheduled);
        }
        if (rates.isEmpty()) {
            return Optional.empty();
        }
        double u = Seeds.forFault(seed, n).nextDouble();
        double upTo = 0;
        for (Fault fault : Fault.values()) {
            upTo += rates.getOrDefault(fault, 0.0);
            if (u < upTo) {
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
