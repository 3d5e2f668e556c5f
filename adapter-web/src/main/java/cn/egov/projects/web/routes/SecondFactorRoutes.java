package cn.egov.projects.web.routes;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.SecondFactorUseCase;
import cn.egov.projects.application.port.in.SecurityPolicyUseCase;
import cn.egov.projects.application.view.OtpAlgorithm;
import cn.egov.projects.application.view.AccountSecurityPolicy;
import cn.egov.projects.application.view.SecurityPolicy;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.auth.SecondFactorAnswers;
import cn.egov.projects.web.auth.Sessions;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.json.JsonFields;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The signed-in person's own second factor — {@code GET /api/second-factor} (status), {@code POST
 * /api/second-factor/enrolment {algorithm?}} (a new secret, its {@code otpauth://} URI and a QR code drawn here as
 * SVG: nothing is fetched from elsewhere), {@code POST /api/second-factor/enrolment/confirm {code}}, {@code POST
 * /api/second-factor/disable {code}} — the security administrator's reset of another account's
 * ({@code POST /api/accounts/:userId/second-factor/reset}) and the security settings
 * ({@code GET/PUT /api/security-policy}).
 */
public final class SecondFactorRoutes {

    private final SecondFactorUseCase secondFactor;
    private final SecurityPolicyUseCase policy;
    private final AccountSecurityPolicy accounts;

    public SecondFactorRoutes(SecondFactorUseCase secondFactor, SecurityPolicyUseCase policy) {
        this(secondFactor, policy, null);
    }

    /**
     * @param accounts the account-security rules in force, shown read only with the security policy (null: not shown)
     */
    public SecondFactorRoutes(SecondFactorUseCase secondFactor, SecurityPolicyUseCase policy,
                              AccountSecurityPolicy accounts) {
        this.accounts = accounts;
        this.secondFactor = secondFactor;
        this.policy = policy;
    }

    public void mount(Router router, RouteTable table) {
        table.add(router, HttpMethod.GET, "/api/second-factor", Rule.signedIn(), this::status);
        table.add(router, HttpMethod.POST, "/api/second-factor/enrolment", Rule.signedIn(), this::begin);
        table.add(router, HttpMethod.POST, "/api/second-factor/enrolment/confirm", Rule.signedIn(), this::confirm);
        table.add(router, HttpMethod.POST, "/api/second-factor/disable", Rule.signedIn(), this::disable);
        table.add(router, HttpMethod.POST, "/api/accounts/:userId/second-factor/reset",
                Rule.roles(Role.SECURITY_ADMIN), this::reset);
        // the security auditor reads it too (三员分立: the auditor audits the security administrator's settings)
        table.add(router, HttpMethod.GET, "/api/security-policy", Rule.roles(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN),
                this::readPolicy);
        table.add(router, HttpMethod.PUT, "/api/security-policy", Rule.roles(Role.SECURITY_ADMIN),
                this::updatePolicy);
    }

    private void status(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Blocking.call(ctx, () -> secondFactor.status(caller)).onSuccess(s -> Replies.json(ctx, 200,
                new JsonObject().put("enrolled", s.enrolled())
                        .put("algorithm", s.algorithm() == null ? null : s.algorithm().name())
                        .put("enrolledAt", s.enrolledAt() == null ? null : s.enrolledAt().toString())
                        .put("mandatory", s.mandatory()).put("enrolmentUnderWay", s.enrolmentUnderWay())
                        .put("owed", Sessions.owed(ctx)))).onFailure(ctx::fail);
    }

    private void begin(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        JsonObject body = Bodies.json(ctx);
        String name = JsonFields.of(body).optionalText("algorithm");
        OtpAlgorithm algorithm = name == null ? OtpAlgorithm.SM3 : OtpAlgorithm.parse(name).orElseThrow(() ->
                new InvalidCommandException("algorithm", "算法须为 SM3（默认）或 SHA1"));
        Blocking.call(ctx, () -> secondFactor.beginEnrolment(caller, algorithm)).onSuccess(e -> Replies.json(ctx, 200,
                new JsonObject().put("secret", e.secretBase32()).put("algorithm", e.algorithm().name())
                        .put("digits", e.digits()).put("period", e.periodSeconds()).put("uri", e.uri())
                        .put("qrCode", qrDataUri(e.uri())))).onFailure(ctx::fail);
    }

    private void confirm(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        String code = JsonFields.of(Bodies.requiredJson(ctx)).text("code").trim();
        Blocking.call(ctx, () -> secondFactor.confirmEnrolment(caller, code)).onSuccess(verdict -> {
            if (!(verdict instanceof SecondFactorUseCase.Accepted)) {
                SecondFactorAnswers.refused(ctx, verdict);
                return;
            }
            JsonObject answer = SessionRoutes.person(caller.actor()).put("enrolled", true);
            if (Sessions.viaSession(ctx)) {
                // a session that owed the enrolment is fully signed in from here on
                Sessions.secondFactorPassed(ctx);
                Sessions.csrfToken(ctx).ifPresent(token -> answer.put("csrfToken", token));
                Sessions.saved(ctx).onSuccess(v -> Replies.json(ctx, 200, answer)).onFailure(ctx::fail);
            } else {
                Replies.json(ctx, 200, answer);
            }
        }).onFailure(ctx::fail);
    }

    private void disable(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        String code = JsonFields.of(Bodies.requiredJson(ctx)).text("code").trim();
        Blocking.call(ctx, () -> secondFactor.disable(caller, code)).onSuccess(verdict -> {
            if (verdict instanceof SecondFactorUseCase.Accepted) {
                Replies.json(ctx, 200, new JsonObject().put("enrolled", false));
            } else {
                SecondFactorAnswers.refused(ctx, verdict);
            }
        }).onFailure(ctx::fail);
    }

    private void reset(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        String userId = ctx.pathParam("userId");
        if (userId == null || userId.length() > 100) {
            throw new InvalidCommandException("userId", "账号标识无效");
        }
        Blocking.call(ctx, () -> {
            secondFactor.reset(caller, userId);
            return null;
        }).onSuccess(v -> Replies.json(ctx, 200, new JsonObject().put("userId", userId).put("reset", true)))
                .onFailure(ctx::fail);
    }

    private void readPolicy(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Blocking.call(ctx, () -> policy.read(caller)).onSuccess(p -> Replies.json(ctx, 200, withAccounts(json(p))))
                .onFailure(ctx::fail);
    }

    /** The policy with the account-security rules in force beside it (read only: set by the deployment). */
    private JsonObject withAccounts(JsonObject policy) {
        if (accounts == null) {
            return policy;
        }
        AccountSecurityPolicy a = accounts;
        return policy.put("accounts", new JsonObject().put("passwordMinLength", a.minLength())
                .put("passwordMaxLength", a.maxLength()).put("passwordMinClasses", a.minClasses())
                .put("passwordHistory", a.history()).put("passwordMaxAgeDays", a.maxAgeDays())
                .put("dormantDays", a.dormantDays()).put("lockoutFailures", a.lockoutFailures())
                .put("lockoutWindowMinutes", a.lockoutWindowMinutes()).put("lockMinutes", a.lockMinutes())
                .put("administratorSessions", a.administratorSessions()).put("otherSessions", a.otherSessions())
                .put("sessionIdleMinutes", a.sessionIdleMinutes()).put("exportsPerWindow", a.exportsPerWindow())
                .put("exportWindowMinutes", a.exportWindowMinutes()));
    }

    private void updatePolicy(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        JsonObject body = Bodies.requiredJson(ctx);
        SecurityPolicy wanted = new SecurityPolicy(flag(body, "stepUpBdbApprovals"),
                flag(body, "stepUpFinanceApprovals"), minutes(body));
        Blocking.call(ctx, () -> policy.update(caller, wanted)).onSuccess(p -> Replies.json(ctx, 200,
                        withAccounts(json(p))))
                .onFailure(ctx::fail);
    }

    private static boolean flag(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (!(value instanceof Boolean b)) {
            throw new InvalidCommandException(field, "须为 true 或 false");
        }
        return b;
    }

    private static int minutes(JsonObject body) {
        Object value = body.getValue("stepUpMinutes");
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.doubleValue() < SecurityPolicy.MIN_MINUTES || n.doubleValue() > SecurityPolicy.MAX_MINUTES) {
            throw new InvalidCommandException("stepUpMinutes", "再次验证的有效时间须为" + SecurityPolicy.MIN_MINUTES
                    + "至" + SecurityPolicy.MAX_MINUTES + "分钟的整数");
        }
        return n.intValue();
    }

    static JsonObject json(SecurityPolicy p) {
        return new JsonObject().put("stepUpBdbApprovals", p.stepUpBdbApprovals())
                .put("stepUpFinanceApprovals", p.stepUpFinanceApprovals()).put("stepUpMinutes", p.stepUpMinutes());
    }

    /** The URI as a QR code (error correction M), an SVG image in a {@code data:} URI (allowed by the CSP). */
    static String qrDataUri(String text) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalStateException("the enrolment URI does not fit a QR code", e);
        }
        int w = matrix.getWidth();
        int h = matrix.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + h
                + "\" width=\"" + (w * 6) + "\" height=\"" + (h * 6) + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }
}
