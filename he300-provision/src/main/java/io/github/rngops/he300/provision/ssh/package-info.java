/**
 * SSH to the GPU host: {@link io.github.rngops.he300.provision.ssh.SshSession} (a command runner, SFTP uploads with
 * modes, local port forwards), trusted by a {@link io.github.rngops.he300.provision.ssh.HostKeyPolicy} and
 * authenticated by {@link io.github.rngops.he300.provision.ssh.Auth}.
 */
package io.github.rngops.he300.provision.ssh;
