/**
 * The install plan: {@link io.github.rngops.he300.provision.plan.Plan#of} chooses the steps a host needs from its
 * facts and the config, each {@code check → apply → verify}, and {@link io.github.rngops.he300.provision.plan.PlanRunner}
 * runs them with a listener, stops at the first failure and prints a recap. A second run changes nothing.
 *
 * <pre>{@code
 * Host host = Host.builder(ssh, facts, config).ports(Ports.over(ssh)).build();
 * Recap recap = PlanRunner.create(listener).run(Plan.of(host), PlanRunner.Mode.APPLY, Optional.empty());
 * System.out.print(recap.table());
 * }</pre>
 */
package io.github.rngops.he300.provision.plan;
