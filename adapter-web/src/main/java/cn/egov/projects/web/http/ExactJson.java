package cn.egov.projects.web.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body into a {@link JsonObject} keeping every number exact: a decimal such as {@code 800000.10}
 * becomes a {@link BigDecimal} of its own text, never a {@code double}. Duplicate keys and trailing content are
 * refused, and so are what no request of this API needs and what would only cost the server: a number written with
 * more than {@value #MAX_NUMBER_LENGTH} characters, objects and arrays nested deeper than {@value #MAX_DEPTH}. A
 * number's exponent is kept as written (a {@link BigDecimal} of {@code 1e999999999} is small); whoever reads it
 * bounds it before expanding it (see {@code JsonFields#money}). Text is well-formed Unicode: malformed UTF-8 and an
 * escaped surrogate without its pair are refused. A refusal quotes at most a line of the parser's report, never the
 * body.
 */
public final class ExactJson {

    /** The longest number read: an amount has at most 14 + 2 digits, a version or a year far fewer. */
    public static final int MAX_NUMBER_LENGTH = 64;

    /** The deepest nesting read: a profile's people are three levels down. */
    public static final int MAX_DEPTH = 32;

    /** Bodies up to this size are read on the event loop (well under a millisecond); larger ones on a worker. */
    public static final int INLINE_LIMIT = 64 * 1024;

    private static final String PARSED = "egov.parsedJson";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxNestingDepth(MAX_DEPTH)
                    .build())
            .build();

    private ExactJson() {
    }

    /**
     * A handler that reads a JSON body larger than {@value #INLINE_LIMIT} bytes on a worker thread, so that the event
     * loop never parses a large body; {@link #object(RoutingContext)} then answers with what it read. Smaller bodies
     * are left to be read where they are used.
     */
    public static Handler<RoutingContext> largeBodiesOffTheEventLoop() {
        return ctx -> {
            RequestBody body = ctx.body();
            if (body == null || !body.available() || body.buffer() == null || body.length() <= INLINE_LIMIT) {
                ctx.next();
                return;
            }
            Buffer buffer = body.buffer();
            Blocking.call(ctx, () -> {
                try {
                    return (Object) object(buffer);
                } catch (BadRequestException e) {
                    return e;
                }
            }).onSuccess(parsed -> {
                ctx.put(PARSED, parsed);
                ctx.next();
            }).onFailure(ctx::fail);
        };
    }

    /**
     * The request's body as an object (an empty body is an empty object), read before on a worker when large.
     *
     * @throws BadRequestException when malformed
     */
    public static JsonObject object(RoutingContext ctx) {
        Object parsed = ctx.get(PARSED);
        if (parsed instanceof JsonObject json) {
            return json;
        }
        if (parsed instanceof BadRequestException e) {
            throw e;
        }
        RequestBody body = ctx.body();
        return object(body == null || !body.available() ? null : body.buffer());
    }

    /** The body as an object; an empty body is an empty object. @throws BadRequestException when malformed */
    public static JsonObject object(Buffer body) {
        if (body == null || body.length() == 0) {
            return new JsonObject();
        }
        try (JsonParser parser = FACTORY.createParser(body.getBytes())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new JsonObject();
            }
            if (first != JsonToken.START_OBJECT) {
                throw new BadRequestException(null, "请求内容应为JSON对象",
                        "the request body must be a JSON object");
            }
            JsonObject result = (JsonObject) value(parser);
            if (parser.nextToken() != null) {
                throw malformed("trailing content after the JSON object");
            }
            return result;
        } catch (IOException e) {
            throw malformed(firstLine(e.getMessage()));
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String name = wellFormed(parser.currentName());
                    parser.nextToken();
                    map.put(name, value(parser));
                }
                return new JsonObject(map);
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return new JsonArray(list);
            }
            case VALUE_STRING -> {
                return wellFormed(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return new BigDecimal(parser.getText());
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw malformed("unexpected token " + token);
        }
    }

    /**
     * The text, unless it holds a UTF-16 surrogate without its pair: JSON lets a body write one as an escape
     * ({@code "\uD800"}), but it is no character, and stored it would come back as something nobody entered ({@code ?}
     * in UTF-8). Refused, as malformed UTF-8 bytes are by the parser.
     */
    static String wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            throw new BadRequestException(null, "请求内容含有无效字符（第" + (i + 1) + "个字符是不成对的代理码元 U+"
                    + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + "）",
                    "the request body holds an unpaired UTF-16 surrogate U+"
                            + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " at character " + (i + 1)
                            + " of a string");
        }
        return text;
    }

    private static BadRequestException malformed(String detail) {
        return new BadRequestException(null, "请求内容不是有效的JSON", "malformed JSON body: " + detail);
    }

    /** The first line of the parser's report, at most 160 characters. */
    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.length() <= 160 ? line : line.substring(0, 160) + "…";
    }
}
