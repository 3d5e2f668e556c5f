package cn.egov.projects.notify;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local HTTP template-SMS service that records the requests and refuses the numbers it is told to. */
final class TestSmsService implements AutoCloseable {

    record Request(String authorization, String contentType, JsonObject body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private volatile String code = "OK";

    TestSmsService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sms/send", exchange -> {
            JsonObject body = new JsonObject(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            requests.add(new Request(exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            boolean refuse = refused.contains(body.getString("phoneNumbers"));
            byte[] answer = (refuse ? "{\"code\":\"isv.MOBILE_NUMBER_ILLEGAL\"}" : "{\"code\":\"" + code + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(refuse ? 400 : 200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms/send");
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    long requestsTo(String mobile) {
        return requests.stream().filter(r -> mobile.equals(r.body().getString("phoneNumbers"))).count();
    }

    void refuse(String mobile) {
        refused.add(mobile);
    }

    void accept(String mobile) {
        refused.remove(mobile);
    }

    void answerCode(String answer) {
        code = answer;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
