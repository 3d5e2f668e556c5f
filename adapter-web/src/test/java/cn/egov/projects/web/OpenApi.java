package cn.egov.projects.web;

import cn.egov.projects.web.routes.OpenApiRoutes;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The API's OpenAPI document and a small checker of real answers against it: the operation must be documented, the
 * status must be one of its responses, the content type the documented one, and a JSON body must match the schema
 * (types, required and — unless {@code additionalProperties} — no undocumented properties, enums, formats, nullable,
 * {@code $ref}, {@code allOf}, {@code anyOf}).
 */
final class OpenApi {

    static final JsonObject DOCUMENT = new JsonObject(Buffer.buffer(OpenApiRoutes.load()));

    private OpenApi() {
    }

    /** The documented path template of a request path, e.g. {@code /api/projects/{id}}; null when none. */
    static String template(String method, String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String[] got = bare.split("/", -1);
        for (String template : DOCUMENT.getJsonObject("paths").fieldNames()) {
            String[] want = template.split("/", -1);
            if (want.length != got.length || !DOCUMENT.getJsonObject("paths").getJsonObject(template)
                    .containsKey(method.toLowerCase(Locale.ROOT))) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < want.length && match; i++) {
                match = want[i].startsWith("{") ? !got[i].isEmpty() : want[i].equals(got[i]);
            }
            if (match) {
                return template;
            }
        }
        return null;
    }

    static JsonObject operation(String method, String path) {
        String template = template(method, path);
        if (template == null) {
            throw new AssertionError("undocumented operation " + method + " " + path);
        }
        return DOCUMENT.getJsonObject("paths").getJsonObject(template).getJsonObject(method.toLowerCase(Locale.ROOT));
    }

    /** Fails unless the answer conforms to the document. */
    static HttpResponse<Buffer> conforms(String method, String path, HttpResponse<Buffer> r) {
        JsonObject op = operation(method, path);
        JsonObject response = op.getJsonObject("responses").getJsonObject(String.valueOf(r.statusCode()));
        if (response == null) {
            throw new AssertionError(method + " " + path + ": status " + r.statusCode() + " is not documented; body "
                    + r.bodyAsString());
        }
        JsonObject content = response.getJsonObject("content");
        if (content == null) {
            return r;
        }
        String type = content.fieldNames().iterator().next();
        String actual = String.valueOf(r.getHeader("Content-Type"));
        if (!actual.startsWith(type)) {
            throw new AssertionError(method + " " + path + ": content type " + actual + ", documented " + type);
        }
        if (type.equals("application/json")) {
            List<String> problems = new ArrayList<>();
            check(content.getJsonObject(type).getJsonObject("schema"), r.bodyAsJson(Object.class), "$", problems);
            if (!problems.isEmpty()) {
                throw new AssertionError(method + " " + path + " " + r.statusCode() + " does not match the document: "
                        + problems + "\n" + r.bodyAsString());
            }
        }
        return r;
    }

    /** The problems of a value against a schema. */
    static void check(JsonObject schema, Object value, String at, List<String> problems) {
        if (schema.containsKey("$ref")) {
            if (value == null && schema.getBoolean("nullable", false)) {
                // a nullable reference, as the document writes it beside the $ref (the Person of a profile's people)
                return;
            }
            String name = schema.getString("$ref").substring("#/components/schemas/".length());
            JsonObject target = DOCUMENT.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
            if (target == null) {
                problems.add(at + ": unknown $ref " + name);
                return;
            }
            check(target, value, at, problems);
            return;
        }
        if (schema.containsKey("anyOf")) {
            List<String> all = new ArrayList<>();
            for (Object alternative : schema.getJsonArray("anyOf")) {
                List<String> these = new ArrayList<>();
                check((JsonObject) alternative, value, at, these);
                if (these.isEmpty()) {
                    return;
                }
                all.add(these.toString());
            }
            problems.add(at + ": matches none of anyOf: " + all);
            return;
        }
        if (schema.containsKey("allOf")) {
            JsonObject merged = new JsonObject().put("type", "object").put("properties", new JsonObject())
                    .put("required", new JsonArray());
            for (Object part : schema.getJsonArray("allOf")) {
                JsonObject p = resolve((JsonObject) part);
                merged.getJsonObject("properties").mergeIn(p.getJsonObject("properties", new JsonObject()));
                merged.getJsonArray("required").addAll(p.getJsonArray("required", new JsonArray()));
            }
            check(merged, value, at, problems);
            return;
        }
        if (value == null) {
            if (!schema.getBoolean("nullable", false)) {
                problems.add(at + ": null is not allowed");
            }
            return;
        }
        String type = schema.getString("type");
        if (type == null) {
            return;
        }
        switch (type) {
            case "object" -> {
                if (!(value instanceof JsonObject o)) {
                    problems.add(at + ": expected an object");
                    return;
                }
                JsonObject props = schema.getJsonObject("properties", new JsonObject());
                for (Object req : schema.getJsonArray("required", new JsonArray())) {
                    if (!o.containsKey((String) req)) {
                        problems.add(at + ": missing required '" + req + "'");
                    }
                }
                boolean open = schema.getValue("additionalProperties") != null
                        && !Boolean.FALSE.equals(schema.getValue("additionalProperties"));
                for (String key : o.fieldNames()) {
                    if (props.containsKey(key)) {
                        check(props.getJsonObject(key), o.getValue(key), at + "." + key, problems);
                    } else if (!open && !props.isEmpty()) {
                        problems.add(at + ": undocumented property '" + key + "'");
                    }
                }
            }
            case "array" -> {
                if (!(value instanceof JsonArray a)) {
                    problems.add(at + ": expected an array");
                    return;
                }
                for (int i = 0; i < a.size(); i++) {
                    check(schema.getJsonObject("items"), a.getValue(i), at + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!(value instanceof String s)) {
                    problems.add(at + ": expected a string, got " + value);
                    return;
                }
                JsonArray e = schema.getJsonArray("enum");
                if (e != null && !e.isEmpty() && !e.contains(s)) {
                    problems.add(at + ": '" + s + "' is not one of " + e);
                }
                String format = schema.getString("format");
                try {
                    if ("date".equals(format)) {
                        LocalDate.parse(s);
                    } else if ("date-time".equals(format)) {
                        OffsetDateTime.parse(s);
                    }
                } catch (RuntimeException ex) {
                    problems.add(at + ": '" + s + "' is not a " + format);
                }
            }
            case "integer" -> {
                if (!(value instanceof Integer || value instanceof Long)) {
                    problems.add(at + ": expected an integer, got " + value);
                }
            }
            case "number" -> {
                if (!(value instanceof Number)) {
                    problems.add(at + ": expected a number, got " + value);
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    problems.add(at + ": expected true or false, got " + value);
                }
            }
            default -> problems.add(at + ": unknown schema type " + type);
        }
    }

    private static JsonObject resolve(JsonObject schema) {
        if (schema.containsKey("$ref")) {
            return DOCUMENT.getJsonObject("components").getJsonObject("schemas")
                    .getJsonObject(schema.getString("$ref").substring("#/components/schemas/".length()));
        }
        return schema;
    }

    /** Every documented (method, path template). */
    static Set<String> operations() {
        Set<String> all = new java.util.TreeSet<>();
        JsonObject paths = DOCUMENT.getJsonObject("paths");
        for (String p : paths.fieldNames()) {
            for (String m : paths.getJsonObject(p).fieldNames()) {
                all.add(m.toUpperCase(Locale.ROOT) + " " + p);
            }
        }
        return all;
    }
}
