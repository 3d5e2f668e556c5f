package cn.egov.projects.web.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body into a {@link JsonObject} keeping every number exact: a decimal such as {@code 800000.10}
 * becomes a {@link BigDecimal} of its own text, never a {@code double}. Duplicate keys and trailing content are
 * refused.
 */
public final class ExactJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ExactJson() {
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
                    String name = parser.currentName();
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
                return parser.getText();
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

    private static BadRequestException malformed(String detail) {
        return new BadRequestException(null, "请求内容不是有效的JSON", "malformed JSON body: " + detail);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
