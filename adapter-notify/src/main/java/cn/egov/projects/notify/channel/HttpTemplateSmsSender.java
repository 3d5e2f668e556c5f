package cn.egov.projects.notify.channel;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.TreeMap;

/**
 * SMS through a template-SMS service over HTTP: one JSON POST per message,
 * {@code {"phoneNumbers", "signName", "templateCode", "templateParam": {name: value}}}, with the key as a bearer
 * token. The service renders the approved template and splits it; an answer other than 2xx, or a JSON answer whose
 * {@code code} is not {@code OK} (or 0), is a failure.
 */
public final class HttpTemplateSmsSender implements SmsSender {

    private final HttpSmsSettings settings;
    private final HttpClient http;

    public HttpTemplateSmsSender(HttpSmsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public void send(OutgoingSms sms) {
        JsonObject params = new JsonObject();
        new TreeMap<>(sms.templateParams()).forEach(params::put);
        JsonObject body = new JsonObject()
                .put("phoneNumbers", sms.mobile())
                .put("signName", settings.signName())
                .put("templateCode", settings.templateCode())
                .put("templateParam", params);
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8));
        if (settings.apiKey() != null) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryException("SMS service at " + settings.url() + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while sending SMS", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryException("SMS service answered HTTP " + response.statusCode());
        }
        String code = code(response.body());
        if (code != null && !code.equalsIgnoreCase("OK") && !code.equals("0")) {
            throw new DeliveryException("SMS service refused the message: code " + code);
        }
    }

    private static String code(String body) {
        if (body == null || body.isBlank() || !body.trim().startsWith("{")) {
            return null;
        }
        try {
            JsonObject json = new JsonObject(body);
            Object code = json.getValue("code", json.getValue("Code"));
            return code == null ? null : String.valueOf(code);
        } catch (DecodeException e) {
            return null;
        }
    }
}
