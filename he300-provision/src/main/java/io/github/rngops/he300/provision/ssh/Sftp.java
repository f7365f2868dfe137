package io.github.rngops.he300.provision.ssh;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.sftp.SFTPEngine;

/** The SFTP side of a session: one subsystem channel, reused for every upload. */
final class Sftp implements AutoCloseable {
    private static final int CHUNK = 32 * 1024;
    private static final String POSIX_RENAME = "posix-rename@openssh.com";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SshTarget target;
    private final SFTPClient client;

    Sftp(SshTarget target, SFTPClient client) {
        this.target = target;
        this.client = client;
    }

    void upload(byte[] content, String remotePath, int mode) {
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        String temp = remotePath + ".he300-" + HexFormat.of().formatHex(suffix);
        try {
            FileAttributes attrs = new FileAttributes.Builder().withPermissions(mode).build();
            try (RemoteFile file = client.open(temp, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.EXCL), attrs)) {
                // Exact mode (the server's umask may have narrowed it) before the first byte arrives.
                client.chmod(temp, mode);
                for (int offset = 0; offset < content.length; offset += CHUNK) {
                    file.write(offset, content, offset, Math.min(CHUNK, content.length - offset));
                }
            }
            replace(temp, remotePath);
        } catch (IOException e) {
            removeQuietly(temp);
            throw SshException.sftpFailed(target, "upload " + remotePath, e);
        }
    }

    void mkdirs(String dir) {
        try {
            client.mkdirs(dir);
        } catch (IOException e) {
            throw SshException.sftpFailed(target, "create directory " + dir, e);
        }
    }

    int mode(String path) {
        try {
            return client.stat(path).getMode().getPermissionsMask();
        } catch (IOException e) {
            throw SshException.sftpFailed(target, "stat " + path, e);
        }
    }

    /** An atomic replace where the server offers it (OpenSSH, MINA); otherwise remove, then rename. */
    private void replace(String from, String to) throws IOException {
        SFTPEngine engine = client.getSFTPEngine();
        if (engine.supportsServerExtension(POSIX_RENAME, "1")) {
            engine.request(engine.newExtendedRequest(POSIX_RENAME).putString(from).putString(to))
                    .retrieve(engine.getTimeoutMs(), TimeUnit.MILLISECONDS)
                    .ensureStatusPacketIsOK();
            return;
        }
        if (client.statExistence(to) != null) {
            client.rm(to);
        }
        client.rename(from, to);
    }

    private void removeQuietly(String path) {
        try {
            client.rm(path);
        } catch (IOException e) {
            // it may never have been created
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // the connection may be gone already
        }
    }
}
