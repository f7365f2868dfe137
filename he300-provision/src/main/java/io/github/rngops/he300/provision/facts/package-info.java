/**
 * What a host is, detected before anything changes: {@link io.github.rngops.he300.provision.facts.HostFacts},
 * gathered in one round trip by {@link io.github.rngops.he300.provision.facts.HostFactsProbe} through any command
 * runner (SSH or local).
 */
package io.github.rngops.he300.provision.facts;
