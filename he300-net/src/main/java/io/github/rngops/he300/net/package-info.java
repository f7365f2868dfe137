/**
 * Connecting the test runner to the GPU host: {@link io.github.rngops.he300.net.LocalRunner} runs commands here,
 * {@link io.github.rngops.he300.net.Cidr} and {@link io.github.rngops.he300.net.PrivateFile} are shared by the
 * feature packages {@code wireguard}, {@code tailscale}, {@code https} and {@code firewall}.
 */
package io.github.rngops.he300.net;
