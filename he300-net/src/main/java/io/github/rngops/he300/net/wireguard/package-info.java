/**
 * WireGuard: {@link io.github.rngops.he300.net.wireguard.WgKey keys} in pure Java (JDK X25519),
 * {@link io.github.rngops.he300.net.wireguard.WgConfig wg-quick configs} rendered and parsed,
 * {@link io.github.rngops.he300.net.wireguard.WgTopology the seed's host-and-runners topology}, and
 * {@link io.github.rngops.he300.net.wireguard.WireGuard} applying it through a command runner, with health from
 * {@link io.github.rngops.he300.net.wireguard.WgStatus wg show dump}.
 */
package io.github.rngops.he300.net.wireguard;
