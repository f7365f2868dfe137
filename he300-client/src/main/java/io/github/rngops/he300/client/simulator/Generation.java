package io.github.rngops.he300.client.simulator;

import io.github.rngops.he300.client.simulator.AnswerPolicy.Answer;
import io.github.rngops.he300.client.simulator.Dialect.Reply;
import io.github.rngops.he300.client.simulator.RequestRecord.AnswerKind;
import io.github.rngops.he300.client.simulator.RequestRecord.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A generation request from arrival to the last byte: parse, find the model, number it, inject a fault that strikes
 * early (429, 503, reset), take a slot or be turned away (503), wait out the latency, answer by the policy, and
 * inject a fault that strikes late (slow, broken stream, malformed JSON).
 */
final class Generation {

    static final String BUSY = "server busy, please try again.  maximum pending requests exceeded";
    static final String MODEL_ERROR = "an error was encountered while running the model: unexpected EOF";
    static final String RUNNER_TERMINATED = "llama runner process has terminated: signal: killed";

    private final SimulatorSettings settings;
    private final AnswerPolicy policy;
    private final FaultPlan faults;
    private final Admission admission;
    private final ModelState models;
    private final AtomicLong numbers = new AtomicLong();

    Generation(SimulatorSettings settings, Admission admission, ModelState models) {
        this.settings = settings;
        this.policy = new AnswerPolicy(settings);
        this.faults = new FaultPlan(settings);
        this.admission = admission;
        this.models = models;
    }

    void handle(Call call, Dialect dialect) throws IOException, InterruptedException {
        GenerationRequest request;
        try {
            request = dialect.parse(Json.parseObject(call.body()));
        } catch (BadRequest e) {
            call.outcome = Outcome.REJECTED;
            call.json(400, dialect.error(400, e.getMessage()));
            return;
        }
        call.model = request.model();
        call.stream = request.stream();
        call.options = request.options();
        Optional<SimulatedModel> model = models.find(settings, request.model());
        if (model.isEmpty()) {
            call.outcome = Outcome.REJECTED;
            call.json(404, dialect.modelNotFound(request.model()));
            return;
        }
        long number = numbers.incrementAndGet();
        call.generation = number;
        Reply reply = new Reply(request.model(), settings.clock().instant(), number);
        if (request.isLoad()) {
            models.used(model.get());
            call.outcome = Outcome.ANSWERED;
            call.answer = AnswerKind.LOAD;
            call.json(200, dialect.load(reply));
            return;
        }
        Fault fault = faults.faultFor(number).orElse(null);
        call.fault = fault;
        call.outcome = fault == null ? Outcome.ANSWERED : Outcome.FAULT;
        if (strikesEarly(call, dialect, request, fault)) {
            return;
        }
        if (!admission.enter()) {
            call.scenarioId = policy.match(request.prompt()).map(s -> s.id()).orElse(null);
            call.outcome = Outcome.BUSY;
            call.fault = null;
            call.json(503, dialect.error(503, BUSY));
            return;
        }
        try {
            call.started();
            models.used(model.get());
            generate(call, dialect, request, reply, fault);
        } finally {
            admission.exit();
        }
    }

    /**
     * Answers with a fault that strikes before a slot is taken, if {@code fault} is one. The log still names the
     * scenario the prompt was for, so that retries can be counted per scenario.
     */
    private boolean strikesEarly(Call call, Dialect dialect, GenerationRequest request, Fault fault)
            throws IOException {
        if (fault == Fault.TOO_MANY_REQUESTS || fault == Fault.SERVICE_UNAVAILABLE
                || fault == Fault.CONNECTION_RESET) {
            call.scenarioId = policy.match(request.prompt()).map(s -> s.id()).orElse(null);
        }
        if (fault == Fault.TOO_MANY_REQUESTS) {
            call.header("Retry-After", Long.toString(settings.retryAfter().toSeconds()));
            call.json(429, dialect.error(429, "too many requests, please retry after "
                    + settings.retryAfter().toSeconds() + "s"));
            return true;
        } else if (fault == Fault.SERVICE_UNAVAILABLE) {
            call.json(503, dialect.error(503, BUSY));
            return true;
        } else if (fault == Fault.CONNECTION_RESET) {
            call.drop();
            return true;
        }
        return false;
    }

    private void generate(Call call, Dialect dialect, GenerationRequest request, Reply reply, Fault fault)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Duration latency = settings.latency().draw(Seeds.forLatency(settings.seed(), reply.number()));
        Answer answer = policy.answer(request.prompt(), request.json());
        call.scenarioId = answer.matched().map(s -> s.id()).orElse(null);
        call.answer = answer.kind();
        Completion completion = Completion.of(answer.text(), request.maxTokens(), request.prompt());
        if (fault == Fault.SLOW) {
            settings.sleeper().sleep(settings.slowDelay());
        }
        if (fault == Fault.RUNNER_TERMINATED) {
            settings.sleeper().sleep(latency);
            call.json(500, dialect.error(500, RUNNER_TERMINATED));
            return;
        }
        if (request.stream()) {
            stream(call, dialect, reply, completion, latency, start, fault);
            return;
        }
        settings.sleeper().sleep(latency);
        if (fault == Fault.STREAM_ERROR) {
            call.json(500, dialect.error(500, MODEL_ERROR));
            return;
        }
        byte[] body = Json.bytes(typed(fault, dialect.complete(reply, completion,
                Timings.of(System.nanoTime() - start, latency))));
        if (fault == Fault.MALFORMED_JSON) {
            body = Arrays.copyOf(body, body.length / 2);
        }
        call.bytes(200, Call.JSON, body);
    }

    /** The answer as sent: with {@link Fault#WRONG_TYPE}, every answer text in it replaced by the number 42. */
    private static JsonNode typed(Fault fault, JsonNode answer) {
        if (fault == Fault.WRONG_TYPE) {
            numberForText(answer);
        }
        return answer;
    }

    private static void numberForText(JsonNode node) {
        if (node instanceof ObjectNode) {
            ObjectNode object = (ObjectNode) node;
            for (String field : List.of("response", "content")) {
                if (object.path(field).isTextual()) {
                    object.put(field, 42);
                }
            }
        }
        node.forEach(Generation::numberForText);
    }

    private void stream(Call call, Dialect dialect, Reply reply, Completion completion, Duration latency, long start,
            Fault fault) throws IOException, InterruptedException {
        int tokens = completion.tokens().size();
        boolean broken = fault == Fault.STREAM_ERROR || fault == Fault.MALFORMED_JSON;
        int sent = broken ? Math.max(1, tokens / 2) : tokens;
        Duration perToken = tokens == 0 ? Duration.ZERO : latency.multipliedBy(7).dividedBy(10L * tokens);
        call.openStream(dialect.streamContentType());
        settings.sleeper().sleep(latency.minus(perToken.multipliedBy(tokens)));
        for (int i = 0; i < Math.min(sent, tokens); i++) {
            call.write(dialect.frame(Json.bytes(typed(fault, dialect.chunk(reply, completion.tokens().get(i))))));
            settings.sleeper().sleep(perToken);
        }
        if (fault == Fault.STREAM_ERROR) {
            call.write(dialect.frame(Json.bytes(dialect.error(500, MODEL_ERROR))));
            return;
        }
        Timings timings = Timings.of(System.nanoTime() - start, latency);
        byte[] last = Json.bytes(dialect.last(reply, completion, timings));
        if (fault == Fault.MALFORMED_JSON) {
            call.write(dialect.frame(Arrays.copyOf(last, last.length / 2)));
            return;
        }
        call.write(dialect.frame(last));
        byte[] end = dialect.endOfStream();
        if (end.length > 0) {
            call.write(end);
        }
    }
}
