package cn.egov.projects.web.routes;

import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.json.JsonFields;
import cn.egov.projects.web.json.Texts;
import io.vertx.core.MultiMap;

import java.time.LocalDate;

/**
 * Optional query parameters of the API: absent or blank is null; a malformed value, or one outside its range, is a
 * 400 naming the parameter and its range. Every number and day of a query is read within a range here, before it
 * reaches a computation or a database.
 */
final class QueryParams {

    /** The years of a day in a query (a search of the audit trail). */
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2999;

    /** The years of a plan year in a query, as a project's (2000–2100). */
    static final int MIN_PLAN_YEAR = 2000;
    static final int MAX_PLAN_YEAR = 2100;

    /** The last page a list may be asked for. */
    static final int MAX_PAGE = 1_000_000;

    /** The longest free text of a query (a user id, an action code, a project id). */
    static final int MAX_TEXT = 200;

    private QueryParams() {
    }

    /** The trimmed text, or null when absent or blank. */
    static String text(MultiMap params, String name) {
        String text = params.get(name);
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** The trimmed text of at most {@value #MAX_TEXT} characters, or null when absent or blank. */
    static String boundedText(MultiMap params, String name) {
        String text = text(params, name);
        if (text != null && text.length() > MAX_TEXT) {
            throw new BadRequestException(name, "「" + name + "」不能超过" + MAX_TEXT + "个字符",
                    "'" + name + "' must have at most " + MAX_TEXT + " characters");
        }
        return text;
    }

    /** An integer from {@code min} to {@code max}, or null when absent. */
    static Integer integer(MultiMap params, String name, int min, int max) {
        String text = text(params, name);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() <= 11) {
                long n = Long.parseLong(text);
                if (n >= min && n <= max) {
                    return (int) n;
                }
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException(name, "「" + name + "」应为" + min + "至" + max + "的整数",
                "'" + name + "' must be an integer from " + min + " to " + max + ", got '" + Texts.clip(text) + "'");
    }

    /** A plan year (2000–2100), or null when absent. */
    static Integer planYear(MultiMap params, String name) {
        return integer(params, name, MIN_PLAN_YEAR, MAX_PLAN_YEAR);
    }

    /** A page number (1–{@value #MAX_PAGE}), or null when absent. */
    static Integer page(MultiMap params) {
        return integer(params, "page", 1, MAX_PAGE);
    }

    /** A day written YYYY-MM-DD in the years {@value #MIN_YEAR}–{@value #MAX_YEAR}, or null when absent. */
    static LocalDate date(MultiMap params, String name) {
        String text = text(params, name);
        return text == null ? null : JsonFields.parseDate(name, text, MIN_YEAR, MAX_YEAR);
    }
}
