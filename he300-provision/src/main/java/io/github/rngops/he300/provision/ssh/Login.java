package io.github.rngops.he300.provision.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AuthMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates a connected client with a list of {@link Auth}s in OpenSSH's order (see {@link Auth}): agent keys
 * that are listed key files, the agent's other keys, the remaining key files. When nothing logs in, the
 * {@link SshException} names what was tried (agent keys by type, fingerprint and comment, never key material) and
 * what went wrong with the agent.
 */
final class Login {
    private static final Logger LOG = LoggerFactory.getLogger(Login.class);
    /** Under sshj's 30 s for one method, so a hung agent fails this key rather than the whole login. */
    static final Duration AGENT_TIMEOUT = Duration.ofSeconds(20);

    private final SSHClient ssh;
    private final SshTarget target;
    private final List<String> agentProblems = new ArrayList<>();
    private final List<AgentClient> agents = new ArrayList<>();

    private Login(SSHClient ssh, SshTarget target) {
        this.ssh = ssh;
        this.target = target;
    }

    /** Logs {@code ssh} in as the target's user, or throws the {@link SshException} that says why not. */
    static void authenticate(SSHClient ssh, SshTarget target, List<Auth> auths) {
        Login login = new Login(ssh, target);
        try {
            login.run(auths);
        } finally {
            login.agents.forEach(AgentClient::close);
        }
    }

    private void run(List<Auth> auths) {
        Map<Auth.KeyFile, byte[]> keyFiles = new LinkedHashMap<>();
        auths.stream().filter(Auth.KeyFile.class::isInstance).map(Auth.KeyFile.class::cast)
                .forEach(key -> keyFiles.put(key, publicBlob(key.path()).orElse(null)));
        Set<Auth.KeyFile> inAgent = new HashSet<>();
        List<AgentAuthMethod> agentListed = new ArrayList<>();
        List<AgentAuthMethod> agentOthers = new ArrayList<>();
        for (Auth auth : auths) {
            if (auth instanceof Auth.Agent agent) {
                for (AgentAuthMethod method : agentMethods(agent)) {
                    Optional<Auth.KeyFile> file = keyFiles.entrySet().stream()
                            .filter(e -> !inAgent.contains(e.getKey()) && method.identity().is(e.getValue()))
                            .map(Map.Entry::getKey).findFirst();
                    file.ifPresent(inAgent::add);
                    if (file.isPresent()) {
                        agentListed.add(method);
                    } else if (!agent.keyFilesOnly()) {
                        agentOthers.add(method);
                    }
                }
            }
        }
        List<AuthMethod> methods = new ArrayList<>(agentListed);
        methods.addAll(agentOthers);
        List<Path> encrypted = new ArrayList<>();
        List<Auth.KeyFile> files = new ArrayList<>();
        for (Auth.KeyFile key : keyFiles.keySet()) {
            if (!inAgent.contains(key)) {
                AuthMethod method = AuthMethods.of(ssh, target, key, encrypted);
                if (method != null) {
                    methods.add(method);
                    files.add(key);
                }
            }
        }
        if (methods.isEmpty()) {
            throw encrypted.isEmpty() ? SshException.noKey(target, whatWasMissing(agentProblems, keyFiles.isEmpty()))
                    : SshException.keyEncrypted(target, encrypted.get(0), false, agentProblems);
        }
        agentProblems.forEach(problem -> LOG.info("{}: {}", target, problem));
        AtomicReference<String> hangUp = new AtomicReference<>("");   // sshj keeps only the last method's failure
        ssh.getTransport().setDisconnectListener((reason, message) -> hangUp.set(String.valueOf(message)));
        try {
            offer(methods);
        } catch (IOException e) {
            String hungUp = hangUp.get().isEmpty() ? transportFailure(e) : hangUp.get();
            if (hungUp.contains("Too many authentication failures")) {
                throw SshException.tooManyKeys(target, tried(methods, files, encrypted), problems(methods));
            }
            if (hungUp.isEmpty() && e instanceof UserAuthException && ssh.isConnected()) {
                throw SshException.authFailed(target, tried(methods, files, encrypted), problems(methods));
            }
            throw SshException.connectFailed(target, hungUp.isEmpty() ? e
                    : new IOException("the host hung up during authentication: " + hungUp, e));
        }
    }

    /** {@return the message of the transport failure in {@code e}'s causes (the connection broke); empty if none} */
    private static String transportFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransportException) {
                return t.getMessage() == null ? "the connection broke" : t.getMessage();
            }
        }
        return "";
    }

    /**
     * sshj's {@code auth(user, methods)}, one method at a time, stopping as soon as the host has hung up: sshj would
     * go on and may send the next key after the host's disconnect was delivered, then wait its 30 s for an answer.
     */
    private void offer(List<AuthMethod> methods) throws IOException {
        UserAuthException last = new UserAuthException("no method");
        for (AuthMethod method : methods) {
            try {
                ssh.auth(target.user(), method);
                return;
            } catch (UserAuthException e) {
                if (!transportFailure(e).isEmpty() || !ssh.isConnected()) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    /** One method per key of the agent; none, and a problem noted, when it cannot be reached or holds no keys. */
    private List<AgentAuthMethod> agentMethods(Auth.Agent agent) {
        try {
            AgentClient client = AgentClient.connect(agent.socket(), AGENT_TIMEOUT);
            agents.add(client);
            List<AgentIdentity> identities = client.identities();
            if (identities.isEmpty()) {
                agentProblems.add(SshException.agentEmpty(agent.socket()));
            }
            LOG.debug("{}: the agent at {} holds {}", target, agent.socket(), identities);
            return identities.stream().map(identity -> new AgentAuthMethod(client, identity)).toList();
        } catch (IOException e) {
            agentProblems.add(SshException.agentUnreachable(agent.socket(), e));
            return List.of();
        }
    }

    /** What was offered, for the message: the agent's keys by socket, then the key files. */
    private static String tried(List<AuthMethod> methods, List<Auth.KeyFile> files, List<Path> encrypted) {
        Map<Path, List<AgentIdentity>> byAgent = new LinkedHashMap<>();
        for (AuthMethod method : methods) {
            if (method instanceof AgentAuthMethod agentKey && agentKey.offered()) {
                byAgent.computeIfAbsent(agentKey.socket(), socket -> new ArrayList<>()).add(agentKey.identity());
            }
        }
        List<String> parts = new ArrayList<>();
        byAgent.forEach((socket, keys) -> parts.add(SshException.agentKeys(socket, keys)));
        files.forEach(key -> parts.add(key.toString()));
        if (!encrypted.isEmpty()) {
            parts.add("skipped, encrypted without a passphrase in $" + SshException.PASSPHRASE_VARIABLE + ": "
                    + encrypted);
        }
        return String.join("; ", parts);
    }

    private List<String> problems(List<AuthMethod> methods) {
        List<String> problems = new ArrayList<>();
        methods.stream().filter(AgentAuthMethod.class::isInstance).map(AgentAuthMethod.class::cast)
                .flatMap(method -> method.problem().stream()).forEach(problems::add);
        problems.addAll(agentProblems);
        return problems;
    }

    /** With no key file listed, says which default ones were looked for and whether an agent was asked. */
    static List<String> whatWasMissing(List<String> agentProblems, boolean noKeyFiles) {
        List<String> facts = new ArrayList<>(agentProblems);
        if (noKeyFiles && Auth.defaultKeyFiles().isEmpty()) {
            facts.add("none of ~/.ssh/id_ed25519, id_ecdsa, id_rsa exists");
        }
        if (agentProblems.isEmpty() && Auth.agentSocket().isEmpty()) {
            facts.add("$" + Auth.AGENT_SOCKET_VARIABLE + " is not set, so no ssh-agent was asked");
        }
        return facts;
    }

    /** The public key blob of a key file, from the {@code .pub} file beside it (as OpenSSH reads it), if any. */
    static Optional<byte[]> publicBlob(Path key) {
        Path pub = Path.of(key + ".pub");
        try {
            String[] fields = Files.readString(pub).strip().split("\\s+");
            return fields.length < 2 ? Optional.empty() : Optional.of(Base64.getDecoder().decode(fields[1]));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();   // no .pub beside it: the agent's copy is not recognised, the file is used
        }
    }
}
