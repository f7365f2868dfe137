/**
 * The install plan: {@link io.github.rngops.he300.provision.plan.Plan#install()} lists the steps, each
 * {@code check → apply → verify} and each deciding from the host's facts and the config whether it applies;
 * {@link io.github.rngops.he300.provision.plan.PlanRunner} runs them with a listener, stops at the first failure and
 * prints a recap. A second run changes nothing.
 *
 * <pre>{@code
 * Host host = Host.builder(ssh, facts, config).ports(Ports.over(ssh)).build();
 * Recap recap = PlanRunner.create(listener).run(Plan.install(), host, PlanRunner.Mode.APPLY);
 * System.out.print(recap.table());
 * }</pre>
 */
package io.github.rngops.he300.provision.plan;
