package cn.egov.projects.web.routes;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.port.in.ComputeDeadlineQuery;
import cn.egov.projects.application.port.in.ComputeDeadlineUseCase;
import cn.egov.projects.domain.deadline.Calculation;
import cn.egov.projects.domain.deadline.CalculationKind;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.json.Texts;
import io.vertx.core.json.JsonObject;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The public deadline calculator, no sign-in:
 * {@code GET /api/deadlines/compute?kind=CONTRACT_FILING&start=2024-09-27[&software=true]}.
 */
public final class CalculatorRoutes {

    private static final String[] WEEKDAYS = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};

    private final ComputeDeadlineUseCase calculator;

    public CalculatorRoutes(ComputeDeadlineUseCase calculator) {
        this.calculator = calculator;
    }

    public void mount(Router router, RouteTable table) {
        table.add(router, HttpMethod.GET, "/api/deadlines/compute", Rule.open(), this::compute);
    }

    private void compute(RoutingContext ctx) {
        // the router's query parameters: a malformed query is a 400 (the request's own would throw)
        String kind = ctx.queryParams().get("kind");
        String start = ctx.queryParams().get("start");
        String software = ctx.queryParams().get("software");
        ComputeDeadlineQuery query;
        try {
            query = ComputeDeadlineQuery.parse(kind, start, software);
        } catch (InvalidCommandException e) {
            throw new BadRequestException(e.field(), e.messageZh(), english(e.field(), kind, start, software));
        }
        Blocking.call(ctx, () -> calculator.compute(query))
                .onSuccess(c -> Replies.json(ctx, 200, json(c)))
                .onFailure(ctx::fail);
    }

    static JsonObject json(Calculation c) {
        return new JsonObject()
                .put("kind", c.kind().name())
                .put("start", c.start().toString())
                .put("due", c.due().toString())
                .put("dueIs", c.kind() == CalculationKind.EARLIEST_ACCEPTANCE ? "FIRST_DAY_ALLOWED" : "LAST_DAY")
                .put("provisional", c.provisional())
                .put("article", c.article())
                .put("term", c.term().toChinese())
                .put("dueWeekday", weekday(c.due()));
    }

    static String weekday(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return WEEKDAYS[dow.getValue() - 1];
    }

    /** The English counterpart of the query's Chinese reason, as specific as the Chinese one. */
    static String english(String field, String kind, String start, String software) {
        String kinds = Arrays.stream(CalculationKind.values()).map(Enum::name).collect(Collectors.joining(", "));
        switch (field) {
            case "kind" -> {
                return kind == null || kind.isBlank()
                        ? "missing parameter 'kind'; valid kinds: " + kinds
                        : "unknown kind '" + Texts.clip(kind) + "'; valid kinds: " + kinds;
            }
            case "start" -> {
                if (start == null || start.isBlank()) {
                    return "missing parameter 'start'; expected a date written YYYY-MM-DD";
                }
                try {
                    LocalDate.parse(start.trim());
                    return "start '" + Texts.clip(start) + "' is out of range; expected a date from 2000 to 2100";
                } catch (DateTimeParseException e) {
                    return "start '" + Texts.clip(start) + "' is not a valid date; expected YYYY-MM-DD";
                }
            }
            case "software" -> {
                return "software must be true or false, got '" + Texts.clip(software) + "'";
            }
            default -> {
                return "invalid parameter '" + field + "'";
            }
        }
    }
}
