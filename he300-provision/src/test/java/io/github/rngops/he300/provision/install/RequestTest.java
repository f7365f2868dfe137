package io.github.rngops.he300.provision.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.core.He300Exception;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestTest {

    private static Request request(String host, Integer port, String user, boolean local) {
        return new Request(Request.Action.STATUS, Optional.ofNullable(host), Optional.ofNullable(port),
                Optional.ofNullable(user), Optional.empty(), Optional.empty(), false, local, Optional.empty(), true,
                false, false, false, Optional.empty(), Optional.empty(), Optional.empty(), false, false, "");
    }

    @Test
    void refusesAPortOutsideOneTo65535() {
        assertThatThrownBy(() -> request("gpu-1", 0, null, false)).isInstanceOf(He300Exception.class)
                .hasMessage("--port must be an SSH port 1..65535, was 0");
        assertThatThrownBy(() -> request("gpu-1", 70000, null, false)).hasMessageContaining("was 70000");
        assertThat(request("gpu-1", 2222, null, false).port()).hasValue(2222);
    }

    @Test
    void refusesHostAndUserNamesOutsideTheirGrammar() {
        assertThatThrownBy(() -> request("bad host!", null, null, false)).isInstanceOf(He300Exception.class)
                .hasMessage("--host must be a host name or address, like gpu-1.example.net, was 'bad host!'");
        assertThatThrownBy(() -> request("gpu;reboot", null, null, false)).hasMessageStartingWith("--host must be");
        assertThatThrownBy(() -> request("gpu-1", null, "a b", false)).isInstanceOf(He300Exception.class)
                .hasMessage("--user must be a user name, like ubuntu, was 'a b'");
        assertThat(request("10.0.0.2", null, "ubuntu", false).host()).hasValue("10.0.0.2");
    }

    @Test
    void refusesLocalTogetherWithHost() {
        assertThatThrownBy(() -> request("X", null, null, true)).isInstanceOf(He300Exception.class)
                .hasMessage("--local works on this machine and --host X over SSH: give one of them");
    }
}
