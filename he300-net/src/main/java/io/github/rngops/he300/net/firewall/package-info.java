/**
 * The allowlist: {@link io.github.rngops.he300.net.firewall.Allowlist} (validated CIDRs),
 * {@link io.github.rngops.he300.net.firewall.DockerUserRules} (iptables {@code DOCKER-USER}, which protects
 * Docker-published ports), {@link io.github.rngops.he300.net.firewall.HostInputRules} (iptables {@code INPUT}, for
 * a host process such as nginx on 443) and {@link io.github.rngops.he300.net.firewall.Ufw} (the host's own ports), each applied
 * idempotently through a command runner and shown in full by a dry run.
 */
package io.github.rngops.he300.net.firewall;
