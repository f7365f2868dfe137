package io.github.rngops.he300.provision.plan;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An Ollama on 127.0.0.1 that keeps the models pulled: /api/tags lists them, /api/pull adds one. */
public final class FakeOllama implements AutoCloseable {
    private static final Pattern MODEL = Pattern.compile("\"(?:model|name)\"\\s*:\\s*\"([^\"]+)\"");
    private final HttpServer server;
    public final Set<String> models = new ConcurrentSkipListSet<>();
    public volatile int pulls;

    public FakeOllama() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/tags", exchange -> {
            StringBuilder body = new StringBuilder("{\"models\":[");
            String sep = "";
            for (String m : models) {
                body.append(sep).append("{\"name\":\"").append(m).append("\",\"model\":\"").append(m)
                        .append("\",\"modified_at\":\"2024-01-01T00:00:00Z\",\"size\":1,\"digest\":\"d\"}");
                sep = ",";
            }
            reply(exchange, body.append("]}").toString());
        });
        server.createContext("/api/pull", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = MODEL.matcher(request);
            if (m.find()) {
                models.add(m.group(1));
            }
            pulls++;
            reply(exchange, "{\"status\":\"pulling manifest\"}\n{\"status\":\"downloading\",\"digest\":\"d\","
                    + "\"total\":100,\"completed\":50}\n{\"status\":\"success\"}\n");
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
