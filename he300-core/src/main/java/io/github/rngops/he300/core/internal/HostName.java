package io.github.rngops.he300.core.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This machine's name as the system has it. {@link InetAddress#getLocalHost()} also resolves the name, which costs a
 * lookup on every run and stalls for the resolver's timeout on a machine whose name neither {@code /etc/hosts} nor a
 * reachable DNS server knows (an offline GPU host, many laptops); Linux gives the name itself in {@code /proc}.
 */
public final class HostName {

    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private HostName() {
    }

    /**
     * {@return the host name: the kernel's on Linux, else what the resolver gives for the local host, else
     *     {@code $HOSTNAME}, else {@code fallback}}
     *
     * @param fallback the name when none can be found
     */
    public static String local(String fallback) {
        String kernel = kernelHostName();
        if (kernel != null) {
            return kernel;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment == null || fromEnvironment.isBlank() ? fallback : fromEnvironment;
        }
    }

    private static String kernelHostName() {
        try {
            String name = Files.readString(KERNEL_HOSTNAME).strip();
            return name.isEmpty() ? null : name;
        } catch (IOException | SecurityException e) {
            return null;                                  // not Linux, or no /proc: ask the resolver
        }
    }
}
