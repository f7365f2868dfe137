package io.github.rngops.he300.net.wireguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.net.FakeRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireGuardCommandsTest {
    private final InterfaceName wg0 = InterfaceName.of("wg0");
    private final FakeRunner runner = new FakeRunner();
    private final WireGuard wireGuard = WireGuard.builder().runner(runner).build();
    private final WgKey key = WgKey.generatePrivate(new SecureRandom());

    @Test
    void installsTheConfigOnStdinNeverOnTheCommandLine() {
        WgConfig config = WgConfig.parse("[Interface]\nPrivateKey = " + key.base64() + "\nAddress = 10.0.0.2/24\n");

        wireGuard.install(wg0, config);

        Command install = runner.calls().get(0);
        assertThat(install.argv()).endsWith("/etc/wireguard/wg0.conf");
        assertThat(install.shellLine()).contains("umask 077").doesNotContain(key.base64());
        assertThat(install.sudo()).isTrue();
        assertThat(new String(install.stdin().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(config.render());
    }

    @Test
    void bringsUpDownAndReloadsWithQuotedArguments() {
        WireGuard userspace = WireGuard.builder().runner(runner).configDir(Path.of("/tmp/wg conf"))
                .userspaceImplementation("wireguard-go").build();

        userspace.up(wg0);
        userspace.reload(wg0);
        userspace.down(wg0);

        assertThat(runner.calls().get(0).argv()).containsExactly("wg-quick", "up", "/tmp/wg conf/wg0.conf");
        assertThat(runner.calls().get(0).env().get("WG_QUICK_USERSPACE_IMPLEMENTATION").value()).isEqualTo("wireguard-go");
        assertThat(runner.calls().get(1).shellLine()).isEqualTo("sudo -n -- 'bash' '-c' 'set -o pipefail; wg syncconf"
                + " \"$1\" <(wg-quick strip \"$2\")' 'bash' 'wg0' '/tmp/wg conf/wg0.conf'");
        assertThat(runner.calls().get(2).argv()).containsExactly("wg-quick", "down", "/tmp/wg conf/wg0.conf");
    }

    @Test
    void enablesTheSystemdUnitOnlyForTheDefaultDirectory() {
        wireGuard.enable(wg0);

        assertThat(runner.argvs()).containsExactly("systemctl enable --now wg-quick@wg0");
        assertThatThrownBy(() -> WireGuard.builder().runner(runner).configDir(Path.of("/tmp")).build().enable(wg0))
                .hasMessageStartingWith("configDir:");
    }

    @Test
    void healthUsesTheInjectedClock() {
        String dump = "PRIVATE\t" + key.publicKey().base64() + "\t51820\toff\n"
                + key.publicKey().base64() + "\t(none)\t192.0.2.1:51820\t10.0.0.1/32\t1000\t1\t2\t25\n";
        runner.answer(List.of("wg", "show", "wg0", "dump"), 0, dump);

        WireGuard at = WireGuard.builder().runner(runner).clock(Clock.fixed(Instant.ofEpochSecond(1100),
                ZoneOffset.UTC)).build();

        assertThat(at.health(wg0)).containsExactly(WgStatus.Health.HEALTHY);
        assertThat(WireGuard.builder().runner(runner).clock(Clock.fixed(Instant.ofEpochSecond(1000 + 181),
                ZoneOffset.UTC)).build().health(wg0)).containsExactly(WgStatus.Health.STALE);
    }
}
