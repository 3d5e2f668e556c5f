package cn.egov.projects.web.routes;

import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.json.JsonFields;
import cn.egov.projects.web.json.Texts;
import io.vertx.core.MultiMap;

import java.time.LocalDate;

/** Optional query parameters of the API: absent or blank is null; a malformed value is a 400 naming the field. */
final class QueryParams {

    private QueryParams() {
    }

    /** The trimmed text, or null when absent or blank. */
    static String text(MultiMap params, String name) {
        String text = params.get(name);
        return text == null || text.isBlank() ? null : text.trim();
    }

    static Integer integer(MultiMap params, String name) {
        String text = text(params, name);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new BadRequestException(name, "「" + name + "」应为整数", "'" + name + "' must be an integer, got '"
                    + Texts.clip(text) + "'");
        }
    }

    static LocalDate date(MultiMap params, String name) {
        String text = text(params, name);
        return text == null ? null : JsonFields.parseDate(name, text);
    }
}
