package io.github.rngops.he300.provision.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The steps an install runs on one host, in order: privileges, docker, driver, toolkit, runtime, stack-files,
 * compose-up, network, models, health, benchmark. Each step decides from the host's facts and the config whether it
 * applies ({@link Check.State#SKIPPED} with the reason otherwise), so every host gets the same list.
 *
 * @param steps in order
 */
public record Plan(List<Step> steps) {
    /**
     * Copies the steps, so the plan cannot change once made.
     *
     * @param steps in order
     */
    public Plan {
        steps = List.copyOf(steps);
    }

    /** {@return the install plan} */
    public static Plan install() {
        return new Plan(List.of(new PrivilegeStep(), new DockerStep(), new DriverStep(), new ToolkitStep(),
                new RuntimeStep(), new StackFilesStep(), new ComposeUpStep(), new NetworkStep(), new ModelPullStep(),
                new HealthGateStep(), new QuickBenchmarkStep()));
    }

    /** {@return the step names, for {@code --from-step}} */
    public List<String> names() {
        return steps.stream().map(Step::name).toList();
    }

    /**
     * {@return the step called {@code name}, if the plan has one}
     *
     * @param name a step name, as {@link #names()} lists them
     */
    public Optional<Step> step(String name) {
        Objects.requireNonNull(name, "name");
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * {@return this plan from the step called {@code name} on; the earlier steps are left out ({@code --from-step})}
     *
     * @param name a step name, as {@link #names()} lists them
     * @throws PlanException if the plan has no such step, listing the names it has
     */
    public Plan from(String name) {
        int index = names().indexOf(name);
        if (index < 0) {
            throw new PlanException("--from-step: no step '" + name + "'", "use one of " + String.join(", ", names()));
        }
        return new Plan(steps.subList(index, steps.size()));
    }
}
