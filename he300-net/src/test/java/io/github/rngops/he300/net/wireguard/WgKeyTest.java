package io.github.rngops.he300.net.wireguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.net.LocalRunner;
import io.github.rngops.he300.net.NetException;
import io.github.rngops.he300.net.RealTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WgKeyTest {
    private final LocalRunner local = LocalRunner.create();

    @Test
    void publicKeyEqualsWgPubkeyOfTheSamePrivateKey() {
        RealTools.require("wg");
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 5; i++) {
            WgKey privateKey = WgKey.generatePrivate(random);

            String wgPubkey = local.runChecked(Command.builder("wg").arg("pubkey").stdin(privateKey.base64() + "\n")
                    .build()).stdout().strip();

            assertThat(privateKey.publicKey().base64()).isEqualTo(wgPubkey);
        }
    }

    @Test
    void readsKeysMadeByWgGenkeyAndDerivesTheSamePublicKey() {
        RealTools.require("wg");
        String genkey = local.runChecked(Command.of("wg", "genkey")).stdout().strip();
        String pubkey = local.runChecked(Command.builder("wg").arg("pubkey").stdin(genkey).build()).stdout().strip();

        WgKey privateKey = WgKey.parse(WgKey.Kind.PRIVATE, "key", genkey);

        assertThat(privateKey.publicKey().base64()).isEqualTo(pubkey);
    }

    @Test
    void privateKeysAreClampedAndFortyFourCharacters() {
        WgKey key = WgKey.generatePrivate(new SecureRandom(new byte[] {1}));
        byte[] bytes = Base64.getDecoder().decode(key.base64());

        assertThat(key.base64()).hasSize(44).endsWith("=");
        assertThat(bytes[0] & 7).isZero();
        assertThat(bytes[31] & 0x80).isZero();
        assertThat(bytes[31] & 0x40).isEqualTo(0x40);
    }

    @Test
    void matchesTheRfc7748TestVector() {
        // RFC 7748 section 6.1: Alice's private key and public key.
        byte[] alice = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        WgKey key = WgKey.parse(WgKey.Kind.PRIVATE, "key", Base64.getEncoder().encodeToString(alice));

        assertThat(Base64.getDecoder().decode(key.publicKey().base64()))
                .isEqualTo(hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"));
    }

    @Test
    void writesPrivateKeysOwnerOnly(@TempDir Path dir) throws Exception {
        WgKey key = WgKey.generatePrivate(new SecureRandom());

        Path file = key.writeTo(dir.resolve("keys/runner.key"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(Files.readString(file)).isEqualTo(key.base64() + "\n");
        key.writeTo(file);   // replacing keeps the mode
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void presharedKeysAreThirtyTwoRandomBytesAndMasked() {
        WgKey psk = WgKey.generatePreshared(new SecureRandom());

        assertThat(Base64.getDecoder().decode(psk.base64())).hasSize(32);
        assertThat(psk.toString()).isEqualTo("(preshared key)");
        assertThat(WgKey.generatePrivate(new SecureRandom()).toString()).isEqualTo("(private key)");
    }

    @Test
    void refusesBadKeysNamingTheFieldAndNeverEchoingASecret() {
        assertThatThrownBy(() -> WgKey.parse(WgKey.Kind.PUBLIC, "Peer.PublicKey", "abc"))
                .isInstanceOf(NetException.class)
                .hasMessageStartingWith("Peer.PublicKey: 'abc' is not a WireGuard key");
        String almost = "!" + WgKey.generatePrivate(new SecureRandom()).base64().substring(1);
        assertThatThrownBy(() -> WgKey.parse(WgKey.Kind.PRIVATE, "Interface.PrivateKey", almost))
                .hasMessageStartingWith("Interface.PrivateKey: the value given is not valid base64")
                .hasMessageNotContaining(almost);
    }

    private static byte[] hex(String text) {
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    static WgKey seededPrivate(long seed) {
        byte[] bytes = new byte[32];
        new Random(seed).nextBytes(bytes);
        return WgKey.parse(WgKey.Kind.PRIVATE, "key", Base64.getEncoder().encodeToString(bytes));
    }
}
