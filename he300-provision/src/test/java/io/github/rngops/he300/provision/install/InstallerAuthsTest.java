package io.github.rngops.he300.provision.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.provision.config.Target;
import io.github.rngops.he300.provision.ssh.Auth;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How install, health and benchmark over SSH authenticate: OpenSSH's rule for the agent and the key files. */
class InstallerAuthsTest {
    private static final Path SOCKET = Path.of("/run/user/1000/ssh-agent.sock");

    private static Target target(Optional<String> key) {
        return new Target("gpu-1.example.net", 22, "ubuntu", key, Optional.empty());
    }

    @Test
    void withNoKeyGivenTheAgentsKeysComeFirstThenTheDefaultFiles() {
        assertThat(Installer.auths(target(Optional.empty()), Map.of("SSH_AUTH_SOCK", SOCKET.toString())))
                .startsWith(Auth.agent(SOCKET)).containsAll(Auth.defaultKeyFiles());
        assertThat(Installer.auths(target(Optional.empty()), Map.of())).isEqualTo(Auth.defaultKeyFiles());
        assertThat(Installer.auths(target(Optional.empty()), Map.of("SSH_AUTH_SOCK", " ")))
                .as("a blank SSH_AUTH_SOCK is no agent").isEqualTo(Auth.defaultKeyFiles());
    }

    @Test
    void withAKeyGivenTheAgentOnlyLendsItsCopyOfThatKey() {
        Path key = Path.of("/home/ops/.ssh/deploy");
        assertThat(Installer.auths(target(Optional.of(key.toString())), Map.of("SSH_AUTH_SOCK", SOCKET.toString())))
                .containsExactly(Auth.agentForKeyFiles(SOCKET), Auth.keyFile(key));
        assertThat(Installer.auths(target(Optional.of(key.toString())), Map.of())).containsExactly(Auth.keyFile(key));
    }
}
