package io.github.rngops.he300.provision.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which signature algorithms an agent key is offered under; the logins themselves are in {@link AgentLoginIT}. */
class AgentAuthMethodTest {
    @Test
    void rsaIsOfferedAsSha2AndSha1OnlyToAHostThatMayNeedIt() {
        assertThat(AgentAuthMethod.algorithms("ssh-rsa", "OpenSSH_9.2p1 Debian-2+deb12u10"))
                .containsExactly("rsa-sha2-512", "rsa-sha2-256");
        assertThat(AgentAuthMethod.algorithms("ssh-rsa", "OpenSSH_7.2")).containsExactly("rsa-sha2-512", "rsa-sha2-256");
        assertThat(AgentAuthMethod.algorithms("ssh-rsa", "OpenSSH_10.0")).containsExactly("rsa-sha2-512", "rsa-sha2-256");
        assertThat(AgentAuthMethod.algorithms("ssh-rsa", "OpenSSH_6.6.1p1 Ubuntu-2ubuntu2"))
                .containsExactly("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
        assertThat(AgentAuthMethod.algorithms("ssh-rsa", "dropbear_2019.78"))
                .containsExactly("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
        assertThat(AgentAuthMethod.algorithms("ssh-rsa-cert-v01@openssh.com", "OpenSSH_9.6"))
                .containsExactly("rsa-sha2-512-cert-v01@openssh.com", "rsa-sha2-256-cert-v01@openssh.com");
    }

    @Test
    void otherKeysAreOfferedUnderTheirOwnType() {
        for (String type : new String[] {"ssh-ed25519", "ecdsa-sha2-nistp384", "sk-ssh-ed25519@openssh.com",
                "ssh-ed25519-cert-v01@openssh.com"}) {
            assertThat(AgentAuthMethod.algorithms(type, "OpenSSH_9.2")).containsExactly(type);
        }
    }
}
