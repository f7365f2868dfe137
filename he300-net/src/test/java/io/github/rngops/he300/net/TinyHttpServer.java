package io.github.rngops.he300.net;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** {@code java -cp <test classes> ...TinyHttpServer <address> <port>}: answers every GET with "he300 over wg". */
public final class TinyHttpServer {
    private TinyHttpServer() {}

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(args[0], Integer.parseInt(args[1])), 0);
        byte[] body = "he300 over wg\n".getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("ready");
        System.out.flush();
    }
}
