package cn.egov.projects.web.auth;

import cn.egov.projects.application.port.in.SecondFactorUseCase;
import cn.egov.projects.application.port.in.SignInUseCase;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.http.RequestIds;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The answers of the second factor, the same for a session and for HTTP Basic: a one-time code owed →
 * 401 {@code AUTH_SECOND_FACTOR_REQUIRED} (with {@code next}: {@code CODE} or {@code ENROLMENT}); a wrong code →
 * 401 {@code AUTH_SECOND_FACTOR_INVALID}; a code already used → 401 {@code AUTH_SECOND_FACTOR_REPLAYED}; too many
 * attempts or a locked username → 429 as for passwords ({@link SignInRefusals}); a sensitive action without a recent
 * code → 401 {@code AUTH_STEP_UP_REQUIRED}. HTTP Basic carries the code in the {@value #OTP_HEADER} header.
 */
public final class SecondFactorAnswers {

    /** The header in which an HTTP Basic request carries its one-time code. */
    public static final String OTP_HEADER = "X-Egov-OTP";

    /** How long a session signed in with the password only may take to give its code or enrol. */
    public static final Duration PENDING_FOR = Duration.ofMinutes(10);

    /** What a session that owes its code may still call. */
    private static final Map<String, Set<String>> WHILE_OWED = Map.of(
            "CODE", Set.of("POST /api/session", "DELETE /api/session", "POST /api/session/code"),
            "ENROLMENT", Set.of("POST /api/session", "DELETE /api/session", "GET /api/second-factor",
                    "POST /api/second-factor/enrolment", "POST /api/second-factor/enrolment/confirm"));

    private SecondFactorAnswers() {
    }

    /** Whether a session that owes {@code owed} may make this request. */
    static boolean allowedWhileOwed(RoutingContext ctx, String owed) {
        HttpMethod method = ctx.request().method();
        String m = method == HttpMethod.HEAD ? "GET" : method.name();
        return WHILE_OWED.getOrDefault(owed, Set.of()).contains(m + " " + ctx.request().path());
    }

    /** 401 AUTH_SECOND_FACTOR_REQUIRED: the code (or the enrolment) is owed. */
    public static void required(RoutingContext ctx, SecondFactorUseCase.Requirement owed, boolean basic,
                                String csrfToken) {
        boolean enrol = owed == SecondFactorUseCase.Requirement.ENROLMENT;
        String message = enrol
                ? (basic ? "管理员账号须使用动态口令：请先在网页登录，按提示绑定动态口令（身份验证器）"
                        : "管理员账号须使用动态口令：请先绑定动态口令（用身份验证器扫描二维码），完成后方可使用系统")
                : (basic ? "请在 " + OTP_HEADER + " 请求头中提供6位动态口令" : "请输入身份验证器上的6位动态口令");
        JsonObject body = new JsonObject().put("code", "AUTH_SECOND_FACTOR_REQUIRED").put("message", message)
                .put("messageEn", enrol ? "enrol a one-time-code authenticator first"
                        : basic ? "one-time code required in the " + OTP_HEADER + " header"
                        : "one-time code required")
                .put("next", owed.name()).put("requestId", RequestIds.of(ctx));
        if (csrfToken != null) {
            body.put("csrfToken", csrfToken);
        }
        if (basic && ctx.request().getHeader("X-Requested-With") == null) {
            ctx.response().putHeader("WWW-Authenticate", BasicAuthenticator.CHALLENGE);
        }
        Replies.json(ctx, 401, body);
    }

    /** Answers a code that was not accepted. */
    public static void refused(RoutingContext ctx, SecondFactorUseCase.Verdict verdict) {
        if (verdict instanceof SecondFactorUseCase.Throttled t) {
            SignInRefusals.answer(ctx, new SignInUseCase.Throttled(t.limit(), t.retryAfter()), false);
        } else if (verdict instanceof SecondFactorUseCase.Locked l) {
            SignInRefusals.answer(ctx, new SignInUseCase.Locked(l.until(), l.retryAfter()), false);
        } else if (verdict instanceof SecondFactorUseCase.Rejected r
                && r.reason() == SecondFactorUseCase.Reason.REPLAYED) {
            Replies.json(ctx, 401, new JsonObject().put("code", "AUTH_SECOND_FACTOR_REPLAYED")
                    .put("message", "该动态口令已使用过，请等待身份验证器显示新的口令后再输入")
                    .put("messageEn", "one-time code already used").put("requestId", RequestIds.of(ctx)));
        } else if (verdict instanceof SecondFactorUseCase.Rejected r
                && r.reason() == SecondFactorUseCase.Reason.NOT_ENROLLED) {
            Replies.json(ctx, 401, new JsonObject().put("code", "AUTH_SECOND_FACTOR_INVALID")
                    .put("message", "尚未绑定动态口令，或绑定已被重置，请重新绑定")
                    .put("messageEn", "no one-time-code authenticator enrolled").put("requestId", RequestIds.of(ctx)));
        } else {
            Replies.json(ctx, 401, new JsonObject().put("code", "AUTH_SECOND_FACTOR_INVALID")
                    .put("message", "动态口令不正确，请核对身份验证器上的6位数字（注意手机时间须准确）")
                    .put("messageEn", "wrong one-time code").put("requestId", RequestIds.of(ctx)));
        }
    }

    /** 401 AUTH_STEP_UP_REQUIRED: the action needs a one-time code passed within the last minutes. */
    public static void stepUpRequired(RoutingContext ctx, int minutes, boolean enrolled) {
        String message = enrolled
                ? "该审批操作须在" + minutes + "分钟内验证过动态口令，请输入身份验证器上的6位动态口令后重试"
                : "该审批操作须验证动态口令，请先在「个人设置」中绑定动态口令";
        Replies.json(ctx, 401, new JsonObject().put("code", "AUTH_STEP_UP_REQUIRED").put("message", message)
                .put("messageEn", "a recent one-time code is required for this approval")
                .put("enrolled", enrolled).put("minutes", minutes).put("requestId", RequestIds.of(ctx)));
    }
}
