/**
 * Tailscale: {@link io.github.rngops.he300.net.tailscale.Tailscale} builds {@code tailscale up} with the auth key in
 * a 0600 file, and {@link io.github.rngops.he300.net.tailscale.TailscaleStatus} reads {@code tailscale status --json}.
 */
package io.github.rngops.he300.net.tailscale;
