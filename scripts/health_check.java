///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//CDS
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off -Dslf4j.internal.verbosity=ERROR
//DEPS io.github.rng-ops:he300-bom:${he300.version:0.1.0-SNAPSHOT}@pom
//DEPS io.github.rng-ops:he300-cli

import io.github.rngops.he300.cli.Cli;
import io.github.rngops.he300.cli.HealthCheck;
import io.github.rngops.he300.cli.HealthCheck.Service;
import io.github.rngops.he300.cli.HealthCheck.Status;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "health-check", mixinStandardHelpOptions = true,
        description = {"Check CIRISNode, EthicsEngine and Ollama: one line each with versions and models.",
                "Exit codes: 0 all checked services up, 1 one is down, 2 bad usage."})
class health_check implements Callable<Integer> {
    @Option(names = "--cirisnode-url", paramLabel = "URL",
            description = "Default: $CIRISNODE_URL, else http://127.0.0.1:8000.")
    String cirisNodeUrl;

    @Option(names = "--ethicsengine-url", paramLabel = "URL",
            description = "Default: $ETHICSENGINE_URL, else http://127.0.0.1:8080.")
    String ethicsEngineUrl;

    @Option(names = "--ollama-url", paramLabel = "URL", description = "Default: $OLLAMA_URL, else http://127.0.0.1:11434.")
    String ollamaUrl;

    @Option(names = "--only", split = ",", paramLabel = "S,S", description = "Check only these services.")
    List<String> only;

    @Option(names = "--skip", split = ",", paramLabel = "S,S", description = "Leave these services out.")
    List<String> skip;

    @Option(names = "--json", description = "Print one JSON document instead of lines.")
    boolean json;

    @Option(names = "--alert-webhook", paramLabel = "URL",
            description = "POST a JSON message ({\"text\": ...}) here when a service is down. A webhook that"
                    + " fails is a warning on standard error; the exit code stays the services' verdict.")
    String alertWebhook;

    @Option(names = "--timeout", paramLabel = "T", defaultValue = "5s",
            description = "Per request (90s, 5m, PT5S). Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    public static void main(String... args) {
        System.exit(Cli.run(new health_check(), args));
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = System.getenv();
        URI webhook = alertWebhook == null ? null : HealthCheck.webhook(alertWebhook);
        HealthCheck check = HealthCheck.create(timeout);
        List<Status> statuses = new ArrayList<>();
        for (Service service : Service.select(only, skip)) {
            String flag = service == Service.CIRISNODE ? cirisNodeUrl
                    : service == Service.ETHICSENGINE ? ethicsEngineUrl : ollamaUrl;
            statuses.add(check.check(service, service.url(flag, env)));
        }
        if (json) {
            System.out.println(HealthCheck.json(statuses));
        } else {
            statuses.forEach(s -> System.out.println(s.line()));
        }
        boolean healthy = statuses.stream().allMatch(Status::up);
        if (!healthy && webhook != null) {
            check.alert(webhook, statuses, HealthCheck.localHostName())
                    .ifPresent(problem -> System.err.println("health-check: warning: " + problem));
        }
        return healthy ? Cli.OK : Cli.FAILURE;
    }
}
