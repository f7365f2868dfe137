/**
 * Provisioning a GPU host, over SSH or on the machine itself: SSH sessions and tunnels, host facts, install plans
 * of check → apply → verify steps, the stack's generated files, and stack management.
 */
package io.github.rngops.he300.provision;
