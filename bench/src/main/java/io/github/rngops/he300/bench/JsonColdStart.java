package io.github.rngops.he300.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a cold JVM pays for the JSON of one {@code benchmark} run: a manifest-sized pretty document of 300 scenarios,
 * 300 chat-completion replies read, 300 journal-sized lines written. Done once with jackson-databind (an
 * {@code ObjectMapper}, as he300 does today) and once with jackson-core's streaming API alone, each in a fresh JVM
 * with the CLI's options (C1 only, serial GC, native reflection accessors) and, on JDK 25+, an AOT cache made by a
 * first run of each, as the launcher gives a command; pinned to one core where {@code taskset} exists, rounds
 * interleaved. It measures the cold start of the two ways, not he300's own codecs:
 * the question is how much a streaming path for {@code benchmark} could save.
 *
 * <pre>
 * ./mvnw -B -q package -DskipTests -pl bench -am
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp bench/target/benchmarks.jar \
 *   io.github.rngops.he300.bench.JsonColdStart [rounds=7]
 * </pre>
 */
public final class JsonColdStart {

    private static final String REPLY = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Ethical. Telling the truth"
            + " is fine.\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":80,\"completion_tokens\":9}}";
    private static final int COUNT = 300;

    /** The reply as databind reads it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Completion(String id, String model, List<Choice> choices) {
    }

    /** One choice of a reply. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(int index, Message message) {
    }

    /** A chat message. */
    public record Message(String role, String content) {
    }

    private JsonColdStart() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("child")) {
            long start = System.nanoTime();
            int bytes = args[1].equals("databind") ? databind(scenarios()) : streaming(scenarios());
            System.out.println((System.nanoTime() - start) + " " + bytes);
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        boolean pinned = Harness.canPin();
        Map<String, double[]> millis = new LinkedHashMap<>();
        millis.put("databind", new double[rounds]);
        millis.put("streaming", new double[rounds]);
        Path caches = Runtime.version().feature() >= 25 ? Harness.tempDir("he300-json-aot") : null;
        System.out.printf("%d rounds, %s, %s; %s%n", rounds, pinned ? "pinned to core 0" : "unpinned",
                caches != null ? "AOT cache" : "no AOT cache (JDK " + Runtime.version().feature() + ")",
                Harness.load());
        try {
            if (caches != null) {
                for (String variant : millis.keySet()) {
                    child(variant, pinned, List.of("-XX:AOTCacheOutput=" + caches.resolve(variant + ".aot"),
                            "-Xlog:aot*=off", "-Xlog:cds*=off"));
                }
            }
            measure(millis, rounds, pinned, caches);
        } finally {
            Harness.deleteTree(caches);
        }
        millis.forEach((variant, ms) -> System.out.printf("%-10s median %6.1f ms  (min %.1f, max %.1f)%n", variant,
                Harness.median(ms), Harness.min(ms), Harness.max(ms)));
        System.out.printf("streaming / databind: %.2f%n",
                Harness.median(millis.get("streaming")) / Harness.median(millis.get("databind")));
    }

    private static void measure(Map<String, double[]> millis, int rounds, boolean pinned, Path caches)
            throws IOException, InterruptedException {
        int[] bytes = new int[2];
        for (int round = 0; round < rounds; round++) {
            int i = 0;
            for (String variant : millis.keySet()) {
                List<String> cache = caches == null ? List.of()
                        : List.of("-XX:AOTCache=" + caches.resolve(variant + ".aot"), "-Xlog:aot*=off");
                String[] out = child(variant, pinned, cache).split(" ");
                millis.get(variant)[round] = Long.parseLong(out[0]) / 1e6;
                bytes[i++] = Integer.parseInt(out[1].strip());
            }
        }
        Harness.check(bytes[0] > 100_000 && bytes[1] > 100_000, "both variants wrote the documents");
    }

    private static String child(String variant, boolean pinned, List<String> cache)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(cache);
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djdk.reflect.useNativeAccessorOnly=true", "-cp", System.getProperty("java.class.path"),
                JsonColdStart.class.getName(), "child", variant));
        Process process = new ProcessBuilder(pinned ? Harness.pinned(command) : command).redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes());
        Harness.check(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, variant + " failed: " + out);
        return out.strip();
    }

    /** 300 scenarios shaped like the sample's, without reading the dataset (which would warm the JIT first). */
    private static List<Scenario> scenarios() {
        List<Scenario> scenarios = new ArrayList<>(COUNT);
        Category[] categories = Category.values();
        for (int i = 0; i < COUNT; i++) {
            Category category = categories[i % categories.length];
            scenarios.add(new Scenario(category.id() + "-" + i, category, "I told my friend the truth about the"
                    + " broken vase, number " + i + ", even though it upset her for the rest of the day.", i % 2));
        }
        return scenarios;
    }

    private static int databind(List<Scenario> scenarios) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        int bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(scenarios).length;
        for (int i = 0; i < COUNT; i++) {
            bytes += mapper.readValue(REPLY, Completion.class).choices().get(0).message().content().length();
        }
        for (Scenario scenario : scenarios) {
            bytes += mapper.writeValueAsBytes(scenario).length;
        }
        return bytes;
    }

    private static int streaming(List<Scenario> scenarios) throws IOException {
        JsonFactory json = new JsonFactory();
        ByteArrayOutputStream manifest = new ByteArrayOutputStream();
        try (JsonGenerator out = json.createGenerator(manifest)) {
            out.useDefaultPrettyPrinter();
            out.writeStartArray();
            for (Scenario scenario : scenarios) {
                write(out, scenario);
            }
            out.writeEndArray();
        }
        int bytes = manifest.size();
        for (int i = 0; i < COUNT; i++) {
            bytes += content(json).length();
        }
        for (Scenario scenario : scenarios) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try (JsonGenerator out = json.createGenerator(line)) {
                write(out, scenario);
            }
            bytes += line.size();
        }
        return bytes;
    }

    private static void write(JsonGenerator out, Scenario scenario) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", scenario.id());
        out.writeStringField("category", scenario.category().id());
        out.writeStringField("input", scenario.input());
        out.writeNumberField("expectedLabel", scenario.expectedLabel());
        out.writeEndObject();
    }

    /** The first choice's message content, as a streaming reader finds it. */
    private static String content(JsonFactory json) throws IOException {
        try (JsonParser in = json.createParser(REPLY)) {
            for (JsonToken token = in.nextToken(); token != null; token = in.nextToken()) {
                if (token == JsonToken.FIELD_NAME && in.currentName().equals("content")) {
                    in.nextToken();
                    return in.getText();
                }
            }
        }
        throw new IOException("no content in the reply");
    }
}
