package io.github.rngops.he300.net.firewall;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandResult;
import io.github.rngops.he300.core.command.CommandRunner;
import io.github.rngops.he300.net.Namespaces;
import io.github.rngops.he300.net.RealTools;

/**
 * A throwaway "host" namespace with an HTTP listener on {@value #PORT} and a client namespace joined to it by a veth
 * pair, {@code <subnet>.1} and {@code <subnet>.2}: what the firewall ITs filter and try to get through (root only).
 */
final class ListenerBehindVeth implements AutoCloseable {
    static final int PORT = 8443;

    private final Namespaces namespaces = new Namespaces();
    private String hostAddress;
    private CommandRunner onHost;
    private CommandRunner onClient;
    private Process listener;

    private ListenerBehindVeth() {}

    /**
     * Makes both namespaces and the listener, and waits until the client gets an answer; on a failure half-way,
     * removes what it made.
     *
     * @param hostRole the host namespace's role in its name, one per test class
     * @param clientRole the client namespace's
     * @param subnet the first three octets of a /24, like {@code 10.78.0}
     * @return the pair, listening
     */
    static ListenerBehindVeth start(String hostRole, String clientRole, String subnet) throws Exception {
        RealTools.requireRoot();
        RealTools.require("ip", "iptables", "ip6tables", "curl", "python3");
        ListenerBehindVeth pair = new ListenerBehindVeth();
        try {
            String host = pair.namespaces.create(hostRole);
            String client = pair.namespaces.create(clientRole);
            pair.hostAddress = subnet + ".1";
            pair.namespaces.link(host, pair.hostAddress + "/24", client, subnet + ".2/24");
            pair.onHost = pair.namespaces.runner(host);
            pair.onClient = pair.namespaces.runner(client);
            pair.listener = new ProcessBuilder("ip", "netns", "exec", host, "/usr/bin/python3", "-m", "http.server",
                    Integer.toString(PORT), "--bind", "0.0.0.0", "--directory", "/").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 50 && pair.get().exitCode() != 0; i++) {
                Thread.sleep(100);
            }
            return pair;
        } catch (Exception | Error e) {
            pair.close();
            throw e;
        }
    }

    /** {@return where the rules are applied: the host namespace} */
    CommandRunner onHost() {
        return onHost;
    }

    /** {@return the client's GET of the listener: curl's output is the HTTP status, exit 28 a dropped packet} */
    CommandResult get() {
        return onClient.run(Command.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--connect-timeout", "2",
                "--max-time", "5", "http://" + hostAddress + ":" + PORT + "/"));
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.destroyForcibly();
        }
        namespaces.close();
    }
}
