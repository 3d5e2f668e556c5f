package cn.egov.projects.web.routes;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.MessageCentreUseCase;
import cn.egov.projects.application.view.DeliveryPreferences;
import cn.egov.projects.application.view.InboxMessage;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.auth.DatabaseSessionStore;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.json.JsonFields;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalTime;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The message centre (消息中心) of the signed-in person, only their own: {@code GET /api/me/messages}
 * ({@code ?unread=true&before=&limit=}, newest first) → {@code {"items", "nextBefore", "unread"}};
 * {@code GET /api/me/messages/unread-count} → {@code {"unread"}} (polled by every page's bell);
 * {@code POST /api/me/messages/:id/read}; {@code POST /api/me/messages/read-all}; and their channels and quiet hours,
 * {@code GET|PUT /api/me/notification-preferences}.
 */
public final class MessageCentreRoutes {

    static final int DEFAULT_LIMIT = 20;
    private static final Pattern HHMM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    /** No message centre (a web API made for tests of other things): every inbox empty, nothing to choose. */
    public static final MessageCentreUseCase EMPTY = new MessageCentreUseCase() {
        @Override
        public MessagePage messages(Caller caller, boolean unreadOnly, Long beforeId, int limit) {
            return new MessagePage(java.util.List.of(), null, 0);
        }

        @Override
        public int unreadCount(Caller caller) {
            return 0;
        }

        @Override
        public void markRead(Caller caller, long messageId) {
            throw new NotFoundException("没有这条消息");
        }

        @Override
        public int markAllRead(Caller caller) {
            return 0;
        }

        @Override
        public DeliveryPreferences preferences(Caller caller) {
            return DeliveryPreferences.DEFAULT;
        }

        @Override
        public DeliveryPreferences savePreferences(Caller caller, DeliveryPreferences preferences) {
            throw new NotFoundException("本系统未启用消息中心");
        }
    };

    private final MessageCentreUseCase centre;

    public MessageCentreRoutes(MessageCentreUseCase centre) {
        this.centre = Objects.requireNonNull(centre, "centre");
    }

    public void mount(Router router, RouteTable table) {
        Rule anyone = Rule.signedIn();
        table.add(router, HttpMethod.GET, "/api/me/messages", anyone, this::list);
        table.add(router, HttpMethod.GET, "/api/me/messages/unread-count", anyone, this::count);
        table.add(router, HttpMethod.POST, "/api/me/messages/read-all", anyone, this::readAll);
        table.add(router, HttpMethod.POST, "/api/me/messages/:id/read", anyone, this::read);
        table.add(router, HttpMethod.GET, "/api/me/notification-preferences", anyone, this::preferences);
        table.add(router, HttpMethod.PUT, "/api/me/notification-preferences", anyone, this::savePreferences);
    }

    private void list(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        boolean unread = flag(QueryParams.text(ctx.queryParams(), "unread"));
        String beforeText = QueryParams.text(ctx.queryParams(), "before");
        Long before = beforeText == null ? null : number("before", beforeText);
        Integer limit = QueryParams.integer(ctx.queryParams(), "limit", 1, MessageCentreUseCase.MAX_PAGE);
        Blocking.call(ctx, () -> centre.messages(caller, unread, before,
                        limit == null ? DEFAULT_LIMIT : limit))
                .onSuccess(page -> {
                    JsonArray items = new JsonArray();
                    page.items().forEach(m -> items.add(json(m)));
                    Replies.json(ctx, 200, new JsonObject().put("items", items).put("nextBefore", page.nextBefore())
                            .put("unread", page.unread()));
                }).onFailure(ctx::fail);
    }

    private void count(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        // polled by every open page: not the person's activity, it keeps no idle session alive
        DatabaseSessionStore.background(ctx.session());
        Blocking.call(ctx, () -> centre.unreadCount(caller))
                .onSuccess(n -> Replies.json(ctx, 200, new JsonObject().put("unread", n)))
                .onFailure(ctx::fail);
    }

    private void read(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        long id = id(ctx.pathParam("id"));
        Blocking.call(ctx, () -> {
            centre.markRead(caller, id);
            return centre.unreadCount(caller);
        }).onSuccess(n -> Replies.json(ctx, 200, new JsonObject().put("id", id).put("read", true).put("unread", n)))
                .onFailure(ctx::fail);
    }

    private void readAll(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Blocking.call(ctx, () -> centre.markAllRead(caller))
                .onSuccess(n -> Replies.json(ctx, 200, new JsonObject().put("marked", n).put("unread", 0)))
                .onFailure(ctx::fail);
    }

    private void preferences(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Blocking.call(ctx, () -> centre.preferences(caller))
                .onSuccess(p -> Replies.json(ctx, 200, json(p)))
                .onFailure(ctx::fail);
    }

    private void savePreferences(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        JsonFields body = JsonFields.of(Bodies.requiredJson(ctx));
        boolean email = required(body, "email");
        boolean sms = required(body, "sms");
        LocalTime start = time(body, "quietStart");
        LocalTime end = time(body, "quietEnd");
        if ((start == null) != (end == null)) {
            throw new InvalidCommandException(start == null ? "quietStart" : "quietEnd", "免打扰时段须同时填写开始和结束时间");
        }
        if (start != null && start.equals(end)) {
            throw new InvalidCommandException("quietEnd", "免打扰时段的开始和结束时间不能相同");
        }
        DeliveryPreferences wanted = new DeliveryPreferences(email, sms, start, end);
        Blocking.call(ctx, () -> centre.savePreferences(caller, wanted))
                .onSuccess(p -> Replies.json(ctx, 200, json(p)))
                .onFailure(ctx::fail);
    }

    static JsonObject json(InboxMessage m) {
        return new JsonObject().put("id", m.id()).put("kind", m.kind())
                .put("projectId", m.projectId().toString()).put("classified", m.classified())
                .put("due", m.due().toString()).put("remindOn", m.remindOn().toString())
                .put("escalation", m.escalation()).put("title", m.title()).put("body", m.body())
                .put("link", m.link()).put("createdAt", m.createdAt().toString())
                .put("read", m.isRead()).put("readAt", m.readAt() == null ? null : m.readAt().toString())
                .put("settled", m.isSettled())
                .put("settledAs", m.settledAs() == null ? null : m.settledAs().name())
                .put("settledZh", m.settledAs() == null ? null : m.settledAs().zh())
                .put("settledOn", m.settledOn() == null ? null : m.settledOn().toString());
    }

    static JsonObject json(DeliveryPreferences p) {
        return new JsonObject().put("email", p.email()).put("sms", p.sms())
                .put("quietStart", p.hasQuietHours() ? p.quietStart().toString() : null)
                .put("quietEnd", p.hasQuietHours() ? p.quietEnd().toString() : null)
                .put("timeZone", "Asia/Shanghai")
                // every reminder and escalation reaches the inbox whatever is chosen here
                .put("inbox", true);
    }

    private static boolean required(JsonFields body, String field) {
        if (!body.has(field)) {
            throw new InvalidCommandException(field, "须为 true 或 false");
        }
        return body.bool(field, false);
    }

    private static LocalTime time(JsonFields body, String field) {
        String text = body.optionalText(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > 5 || !HHMM.matcher(text).matches()) {
            throw new InvalidCommandException(field, "时间格式应为“时:分”（24小时制），例如 22:00");
        }
        return LocalTime.parse(text);
    }

    private static boolean flag(String text) {
        if (text == null) {
            return false;
        }
        return switch (text) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new BadRequestException("unread", "「unread」应为 true 或 false",
                    "'unread' must be true or false");
        };
    }

    private static long id(String text) {
        return number("id", text);
    }

    /** A message id: a positive whole number of at most 18 digits. */
    private static long number(String field, String text) {
        if (text != null && !text.isEmpty() && text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9')
                && Long.parseLong(text) > 0) {
            return Long.parseLong(text);
        }
        throw new BadRequestException(field, "消息编号格式不正确", "'" + field + "' must be a message id (a positive number)");
    }
}
