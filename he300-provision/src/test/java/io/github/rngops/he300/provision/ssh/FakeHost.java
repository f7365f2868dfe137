package io.github.rngops.he300.provision.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An embedded MINA SSHD server on 127.0.0.1 that answers like a chosen host. Exec requests run with the real
 * {@code /bin/sh}, but the PATH holds only this host's programs: fake ones written as small shell scripts
 * ({@code nvidia-smi}, {@code docker}, {@code uname}, ...) and links to a few real basics ({@code cat}, {@code grep},
 * {@code sleep}, ...). A program the host would not have is simply not there, so "command not found" is real.
 * Files the probe reads live under a fake root, handed to the probe as {@code HE300_PROBE_ROOT}.
 */
public final class FakeHost implements AutoCloseable {
    private static final List<String> BASICS =
            List.of("sh", "cat", "grep", "sleep", "touch", "rm", "ls", "stat", "env", "timeout", "true", "false", "head");

    private final SshServer server;
    private final Path dir;

    private FakeHost(SshServer server, Path dir) {
        this.server = server;
        this.dir = dir;
    }

    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    public int port() {
        return server.getPort();
    }

    public SshTarget target(String user) {
        return SshTarget.of(user, "127.0.0.1", port());
    }

    /** The fake filesystem root. */
    public Path root() {
        return dir.resolve("root");
    }

    /** Ends every open connection, as a network drop would. */
    public void dropConnections() {
        server.getActiveSessions().forEach(session -> session.close(true));
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** Builds the host's programs and files, then starts the server. */
    public static final class Builder {
        private final Path dir;
        private final Map<String, String> programs = new LinkedHashMap<>();
        private final Map<String, String> files = new LinkedHashMap<>();
        private Path authorizedKey;
        private Path hostKey;

        private Builder(Path dir) {
            this.dir = dir;
            linux("x86_64", 0, "root");
        }

        /** A Linux host's basics: uname, id (uid, user), nproc, free, df, all answering plausibly. */
        public Builder linux(String arch, int uid, String user) {
            program("uname", "case \"$1\" in -s) echo Linux;; -m) echo " + arch + ";; *) echo Linux;; esac");
            program("id", "case \"$1\" in -u) echo " + uid + ";; -un) echo " + user + ";; *) echo uid=" + uid
                    + ";; esac");
            program("nproc", "echo 30");
            program("free", "echo '               total        used        free      shared  buff/cache   available'\n"
                    + "echo 'Mem:    236223201280  4294967296 200000000000     1048576 31928233984 231928233984'\n"
                    + "echo 'Swap:              0           0           0'");
            program("df", "echo '       Avail'\necho '1288490188800'");
            return this;
        }

        /** A fake program: {@code body} is a POSIX shell script that gets the arguments. */
        public Builder program(String name, String body) {
            programs.put(name, body);
            return this;
        }

        /** Removes a program this host does not have. */
        public Builder without(String name) {
            programs.remove(name);
            return this;
        }

        /** A file under the fake root, e.g. {@code /etc/os-release}. */
        public Builder file(String path, String content) {
            files.put(path, content);
            return this;
        }

        public Builder osRelease(String id, String versionId, String prettyName) {
            return file("/etc/os-release", "PRETTY_NAME=\"" + prettyName + "\"\nNAME=\"" + id + "\"\nVERSION_ID=\""
                    + versionId + "\"\nID=" + id + "\n");
        }

        /** The public key file the server accepts. */
        public Builder authorizedKey(Path publicKey) {
            this.authorizedKey = publicKey;
            return this;
        }

        /** Where the server keeps its (generated) host key; the same file gives the same key on a new server. */
        public Builder hostKey(Path file) {
            this.hostKey = file;
            return this;
        }

        /**
         * Writes the programs ({@code dir/bin}) and files ({@code dir/root}) without starting a server, and returns
         * the environment a session on this host gets ({@code PATH}, {@code HE300_PROBE_ROOT}, {@code HOME},
         * {@code LC_ALL}), for a real sshd to set.
         */
        public Map<String, String> prepare() {
            try {
                Path bin = Files.createDirectories(dir.resolve("bin"));
                Path root = Files.createDirectories(dir.resolve("root"));
                for (String basic : BASICS) { // a wrapper, not a link: JUnit warns about links leaving @TempDir
                    Path real = Path.of("/usr/bin", basic);
                    programs.putIfAbsent(basic, "exec " + (Files.exists(real) ? real : Path.of("/bin", basic)) + " \"$@\"");
                }
                for (Map.Entry<String, String> program : programs.entrySet()) {
                    Path script = bin.resolve(program.getKey());
                    Files.deleteIfExists(script);
                    Files.writeString(script, "#!/bin/sh\n" + program.getValue() + "\n");
                    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                for (Map.Entry<String, String> file : files.entrySet()) {
                    Path target = root.resolve(file.getKey().substring(1));
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, file.getValue());
                }
                Map<String, String> env = new LinkedHashMap<>();
                env.put("PATH", bin.toString());
                env.put("HE300_PROBE_ROOT", root.toString());
                env.put("HOME", dir.toString());
                env.put("LC_ALL", "C");
                return env;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public FakeHost start() {
            Map<String, String> env = prepare();
            try {
                SshServer server = SshServer.setUpDefaultServer();
                server.setHost("127.0.0.1");
                server.setPort(0);
                SimpleGeneratorHostKeyProvider keys =
                        new SimpleGeneratorHostKeyProvider(hostKey != null ? hostKey : dir.resolve("host-key.ser"));
                server.setKeyPairProvider(keys);
                if (authorizedKey == null) {
                    throw new IllegalStateException("a FakeHost needs authorizedKey(..)");
                }
                server.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorizedKey));
                server.setCommandFactory((channel, line) -> new ProcessCommand(line, env));
                server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
                server.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
                server.start();
                return new FakeHost(server, dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
