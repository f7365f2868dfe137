package io.github.rngops.he300.client.cirisnode;

import io.github.rngops.he300.client.http.HttpSettings;
import io.github.rngops.he300.client.http.RetrySettings;
import io.github.rngops.he300.client.http.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;

/** A fake node on a MockWebServer, a clock shared by both, and a sleeper that moves the clock instead of waiting. */
final class NodeFixture {
    final TestClock clock = TestClock.atEpoch();
    final List<Duration> slept = new CopyOnWriteArrayList<>();
    final Sleeper sleeper = d -> {
        slept.add(d);
        clock.advance(d);
    };
    final MockWebServer server;
    final FakeCirisNode node;

    NodeFixture(MockWebServer server, FakeCirisNode.Version version) {
        this.server = server;
        this.node = new FakeCirisNode(version, clock);
        server.setDispatcher(node);
        node.users.put("alice", "correct horse battery staple");
    }

    HttpSettings http() {
        return HttpSettings.builder().clock(clock).sleeper(sleeper)
                .retry(RetrySettings.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(100)).build())
                .build();
    }

    CirisNodeClient.Builder client() {
        return CirisNodeClient.builder().baseUrl(server.url("/").toString()).http(http());
    }

    CirisNodeClient loggedIn() {
        return client().login("alice", "correct horse battery staple").build();
    }
}
