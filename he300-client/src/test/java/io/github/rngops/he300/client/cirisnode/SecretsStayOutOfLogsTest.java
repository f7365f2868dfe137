package io.github.rngops.he300.client.cirisnode;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.client.http.ClientException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the client through logins, refreshes, fallbacks, rejections and failures with debug logging on (slf4j-simple
 * writes to System.out in tests), and checks that no password, token or key appears in the log or in any message.
 */
class SecretsStayOutOfLogsTest {
    private static final String PASSWORD = "hunter2-very-secret-pw";
    private static final String API_KEY = "node-key-very-secret-77";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final List<String> messages = new ArrayList<>();
    private PrintStream original;

    @BeforeEach
    void capture() {
        original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    @Test
    void noPasswordTokenOrKeyInLogsOrMessages() {
        NodeFixture f = new NodeFixture(server, FakeCirisNode.Version.OLDER);
        f.node.users.put("alice", PASSWORD);
        f.node.tokenLifetime = Duration.ofMinutes(5);
        List<String> tokens = new ArrayList<>();
        try (CirisNodeClient client = f.client().login("alice", PASSWORD).build()) {
            TokenGrant grant = client.login("alice", PASSWORD);
            tokens.add(grant.accessToken());
            messages.add(grant.toString());
            tokens.add(client.refresh(grant.accessToken()).accessToken());
            String job = client.run(RunRequest.he300());
            f.clock.advance(Duration.ofMinutes(4).plusSeconds(30)); // refresh
            client.status(job);
            f.node.refreshRejects = true;
            f.clock.advance(Duration.ofMinutes(4).plusSeconds(30)); // refresh fails, login again
            client.status(job);
            f.node.forgetTokens(); // 400 on the older node: renew and replay
            client.status(job);
            f.node.rejectAllTokens = true;
            expectFailure(() -> client.run(RunRequest.he300()));
            expectFailure(() -> client.login("alice", "wrong-" + PASSWORD));
            expectFailure(() -> client.refresh(grant.accessToken()));
        }
        try (CirisNodeClient client = f.client().bearerToken(tokens.get(0)).build()) {
            expectFailure(() -> client.run(RunRequest.he300()));
        }
        NodeFixture newest = new NodeFixture(server, FakeCirisNode.Version.NEWEST);
        try (CirisNodeClient client = newest.client().apiKey(API_KEY).build()) {
            expectFailure(() -> client.run(RunRequest.he300()));
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("auth/token").contains("auth/refresh");
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, API_KEY, "hunter2"));
        secrets.addAll(tokens);
        for (String secret : secrets) {
            assertThat(log).doesNotContain(secret);
            assertThat(messages).noneMatch(m -> m.contains(secret));
        }
        assertThat(messages).hasSizeGreaterThanOrEqualTo(6);
    }

    private void expectFailure(Runnable call) {
        try {
            call.run();
            throw new AssertionError("expected a failure");
        } catch (ClientException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.add(String.valueOf(t.getMessage()));
            }
            messages.add(e.detail());
            messages.add(e.bodyExcerpt());
        }
    }
}
