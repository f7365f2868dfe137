package io.github.rngops.he300.client.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.rngops.he300.client.simulator.RequestRecord.Outcome;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each request to its endpoint, and logs every request once its exchange is over. Unknown paths and methods
 * get gin's plain-text 404, as on Ollama.
 */
final class Router implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private static final Dialect GENERATE = new OllamaDialect(false);
    private static final Dialect CHAT = new OllamaDialect(true);
    private static final Dialect OPENAI = new OpenAiDialect();

    private final SimulatorSettings settings;
    private final ModelRoutes models;
    private final Generation generation;
    private final RequestLog log;
    private final AtomicLong sequence = new AtomicLong();

    Router(SimulatorSettings settings, RequestLog log) {
        this.settings = settings;
        this.log = log;
        ModelState state = new ModelState(settings.clock());
        this.models = new ModelRoutes(settings, state);
        this.generation = new Generation(settings, new Admission(settings.parallel(), settings.maxQueue(), log),
                state);
    }

    @Override
    public void handle(HttpExchange exchange) {
        Call call = new Call(exchange, sequence.incrementAndGet(), settings.clock(), log::add);
        try {
            route(call);
        } catch (BadRequest e) {
            respond(call, 400, e.getMessage());
        } catch (IOException e) {
            LOG.debug("client went away during {} {}: {}", call.method(), call.path(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.drop();
        } catch (RuntimeException e) {
            // the server's boundary: a bug becomes a logged 500, not a silently dropped connection
            LOG.error("simulator failed on {} {}", call.method(), call.path(), e);
            if (!call.responded()) {
                respond(call, 500, "simulator error: " + e);
            }
            call.outcome = Outcome.ERROR;
        } finally {
            call.finish();
        }
    }

    private void route(Call call) throws IOException, InterruptedException, BadRequest {
        String method = call.method();
        String path = call.path();
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        if (path.equals("/") && (get || method.equals("HEAD"))) {
            models.root(call);
        } else if (path.equals("/api/version") && get) {
            models.version(call);
        } else if (path.equals("/api/tags") && get) {
            models.tags(call);
        } else if (path.equals("/api/show") && post) {
            models.show(call);
        } else if (path.equals("/api/ps") && get) {
            models.ps(call);
        } else if (path.equals("/api/pull") && post) {
            models.pull(call);
        } else if (path.equals("/api/generate") && post) {
            generation.handle(call, GENERATE);
        } else if (path.equals("/api/chat") && post) {
            generation.handle(call, CHAT);
        } else if (path.equals("/v1/chat/completions") && post) {
            generation.handle(call, OPENAI);
        } else if (path.equals("/v1/models") && get) {
            models.openAiModels(call);
        } else {
            call.outcome = Outcome.REJECTED;
            call.text(404, "404 page not found");
        }
    }

    private static void respond(Call call, int status, String message) {
        call.outcome = status == 500 ? Outcome.ERROR : Outcome.REJECTED;
        try {
            call.json(status, (call.path().startsWith("/v1/") ? OPENAI : GENERATE).error(status, message));
        } catch (IOException e) {
            LOG.debug("client went away before a {}: {}", status, e.toString());
        }
    }
}
