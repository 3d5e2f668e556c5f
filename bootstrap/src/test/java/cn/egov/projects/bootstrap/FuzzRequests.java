package cn.egov.projects.bootstrap;

import cn.egov.projects.bootstrap.FuzzJson.Arr;
import cn.egov.projects.bootstrap.FuzzJson.Lit;
import cn.egov.projects.bootstrap.FuzzJson.Node;
import cn.egov.projects.bootstrap.FuzzJson.Obj;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.catalog.FundingSource;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.catalog.ServiceKind;
import cn.egov.projects.domain.deadline.CalculationKind;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.SituationReport;
import cn.egov.projects.web.access.Rule;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates the fuzz test's requests: request {@code i} of a run with seed {@code s} is always the same bytes (it
 * depends on nothing but the seed, the index and what the setup found), so that a failure can be replayed alone. A
 * request is a route of the route table (or a path that is none), an identity, path parameters, query parameters,
 * headers, a body — valid-ish, mutated or hostile — and a framing on the wire.
 */
final class FuzzRequests {

    /** Who sends a request: anonymous, a role's account over HTTP Basic or a browser session, or garbage. */
    record Identity(String name, Role role, String authorization, String cookie, String csrf) {

        boolean signedIn() {
            return role != null;
        }
    }

    /** A route of the route table as the generator sees it. */
    record Route(String method, String path, Rule rule, List<String> queryParameters) {

        String key() {
            return method + " " + path;
        }
    }

    /** A field of a lifecycle action's form, from {@code GET /api/actions}. */
    record Field(String name, String type, List<String> options) {
    }

    /** What the setup found to aim at. */
    record Targets(List<String> projects, List<String> documents, List<String> deadlines, List<String> changes,
                   List<String> contracts, Map<String, String> userIds, List<String> units, String calendarToken,
                   Map<String, List<Field>> actions) {
    }

    /** One generated request. */
    record Request(int index, String identity, String route, String method, String target, List<String[]> headers,
                   byte[] body, FuzzHttp.Framing framing, byte[] raw, boolean slow) {

        /** The head as written, with the length headers its framing needs. */
        byte[] head(java.util.Random r) {
            if (framing == FuzzHttp.Framing.RAW) {
                return raw;
            }
            StringBuilder h = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: localhost\r\n");
            for (String[] header : headers) {
                h.append(header[0]).append(": ").append(header[1]).append("\r\n");
            }
            boolean bodyful = body.length > 0 || !(method.equals("GET") || method.equals("HEAD"));
            switch (framing) {
                case LENGTH -> {
                    if (bodyful) {
                        h.append("Content-Length: ").append(body.length).append("\r\n");
                    }
                }
                case CHUNKED -> h.append("Transfer-Encoding: chunked\r\n");
                case EXPECT_CONTINUE -> h.append("Content-Length: ").append(body.length).append("\r\n")
                        .append("Expect: 100-continue\r\n");
                case LENGTH_SHORT -> h.append("Content-Length: ").append(body.length == 0 ? 0
                        : r.nextInt(body.length)).append("\r\n");
                case LENGTH_LONG_HALF_CLOSE -> h.append("Content-Length: ")
                        .append(body.length + 1 + r.nextInt(r.nextBoolean() ? 100 : 100_000_000)).append("\r\n");
                default -> throw new IllegalStateException(framing.name());
            }
            return h.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        }

        /** One line: index, identity, method, target (clipped), headers, framing, body (clipped). */
        String describe(long seed) {
            StringBuilder b = new StringBuilder("#").append(index).append(" (seed ").append(seed).append(") ")
                    .append(identity).append(' ').append(framing).append(' ');
            if (framing == FuzzHttp.Framing.RAW) {
                return b.append("raw ").append(clip(new String(raw, StandardCharsets.ISO_8859_1), 300)).toString();
            }
            b.append(method).append(' ').append(clip(target, 200));
            for (String[] h : headers) {
                if (!h[0].equals("Authorization") && !h[0].equals("Cookie")) {
                    b.append(" [").append(h[0]).append(": ").append(clip(h[1], 60)).append(']');
                }
            }
            return b.append(" body ").append(body.length).append(" B: ")
                    .append(clip(new String(body, StandardCharsets.UTF_8), 300)).toString();
        }
    }

    static String clip(String s, int n) {
        String flat = s.replaceAll("\\p{Cntrl}", "·");
        return flat.length() <= n ? flat : flat.substring(0, n) + "…(" + s.length() + ")";
    }

    private static final String[] STATIC = {"/", "/index.html", "/app.js", "/login.html", "/project.html?id=x",
            "/missing.html", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/webroot/../pom.xml", "//etc/passwd",
            "/app.css%00.html", "/" + "a".repeat(3000)};

    private static final String[] ODD_PATHS = {"/api", "/api/", "/api/projects/", "/api/projects//documents",
            "/api/nothing", "/api/projects/%00", "/api/projects/../accounts", "/API/projects", "/api/projects;x=1",
            "/api/projects/" + "9".repeat(5000), "/calendar/", "/calendar/..%2f..%2fetc", "/health/x",
            "/api/projects/x/actions/NOT_AN_ACTION", "/api/projects/x/documents/x/y", "/openapi.json/x"};

    private static final String[] METHODS_ODD = {"PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "get", "FOO"};

    private static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj<<>>endobj\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 'x', 'y'};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1, 0, 0};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    private static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};

    private final long seed;
    private final List<Route> routes;
    private final Route upload;
    private final List<Identity> identities;
    private final List<Identity> garbage;
    private final Targets targets;

    FuzzRequests(long seed, List<Route> routes, List<Identity> identities, Targets targets) {
        this.seed = seed;
        this.routes = routes;
        this.upload = routes.stream().filter(x -> x.key().equals("POST /api/projects/:id/documents")).findFirst()
                .orElseThrow();
        this.identities = identities;
        this.targets = targets;
        this.garbage = garbageIdentities();
    }

    /** The random source of request {@code index}: the same for the same seed and index. */
    Random random(int index) {
        return new Random(seed * 6_364_136_223_846_793_005L + index * 1_442_695_040_888_963_407L);
    }

    Request generate(int index) {
        Random r = random(index);
        // a rare raw request: framing that is no HTTP at all
        if (r.nextInt(60) == 0) {
            return raw(index, r);
        }
        String method;
        String path;
        String routeKey;
        Route route = null;
        int pick = r.nextInt(100);
        if (pick < 3) {
            method = r.nextBoolean() ? "GET" : "POST";
            path = ODD_PATHS[r.nextInt(ODD_PATHS.length)];
            routeKey = "(no route)";
        } else if (pick < 5) {
            method = r.nextInt(4) == 0 ? "HEAD" : "GET";
            path = STATIC[r.nextInt(STATIC.length)];
            routeKey = "GET /* (static)";
        } else {
            // uploads weigh more: the route with the most ways to go wrong
            route = pick < 10 ? upload : routes.get(r.nextInt(routes.size()));
            method = route.method();
            path = fillPath(route.path(), r);
            routeKey = route.key();
            if (r.nextInt(40) == 0) {
                method = METHODS_ODD[r.nextInt(METHODS_ODD.length)];
            } else if (method.equals("GET") && r.nextInt(15) == 0) {
                method = "HEAD";
            }
        }
        Identity who = identity(route, r);
        String target = path + query(route, r);
        List<String[]> headers = new ArrayList<>();
        boolean upload = route != null && route.path().equals("/api/projects/:id/documents")
                && route.method().equals("POST");
        byte[] body;
        boolean slow = false;
        if (upload && r.nextInt(10) != 0) {
            Multipart m = multipart(r);
            headers.add(new String[]{"Content-Type", m.contentType()});
            body = m.body();
            slow = m.incomplete();
        } else {
            body = body(route, method, who, r);
            if (body.length > 0 || r.nextInt(5) == 0) {
                headers.add(new String[]{"Content-Type", contentType(r)});
            }
        }
        authenticate(who, headers, r);
        extraHeaders(route, who, headers, r);
        FuzzHttp.Framing framing = framing(r, body, slow);
        return new Request(index, who.name(), routeKey, method, target, headers, body, framing, null, slow);
    }

    // ------------------------------------------------------------------------------------------------ identity

    private Identity identity(Route route, Random r) {
        if (r.nextInt(25) == 0) {
            return garbage.get(r.nextInt(garbage.size()));
        }
        if (route != null && route.rule().kind() == Rule.Kind.ROLES && r.nextInt(100) < 65) {
            List<Identity> admitted = identities.stream().filter(i -> i.role() != null && route.rule().admits(i.role()))
                    .toList();
            if (!admitted.isEmpty()) {
                return admitted.get(r.nextInt(admitted.size()));
            }
        }
        return identities.get(r.nextInt(identities.size()));
    }

    private static List<Identity> garbageIdentities() {
        Base64.Encoder b64 = Base64.getEncoder();
        List<Identity> list = new ArrayList<>();
        list.add(new Identity("garbage:basic-empty", null, "Basic", null, null));
        list.add(new Identity("garbage:basic-bang", null, "Basic !!!!", null, null));
        list.add(new Identity("garbage:no-colon", null, "Basic " + b64.encodeToString("nocolon".getBytes()), null,
                null));
        list.add(new Identity("garbage:empty-user", null, "Basic " + b64.encodeToString(":x".getBytes()), null, null));
        list.add(new Identity("garbage:bad-utf8", null, "Basic " + b64.encodeToString(new byte[]{(byte) 0xFF,
                (byte) 0xFE, ':', (byte) 0xC3, 0x28}), null, null));
        list.add(new Identity("garbage:long-user", null, "Basic " + b64.encodeToString(("u".repeat(300) + ":p")
                .getBytes()), null, null));
        list.add(new Identity("garbage:bearer", null, "Bearer abc.def.ghi", null, null));
        list.add(new Identity("garbage:huge", null, "Basic " + "QUFB".repeat(1_900), null, null));
        list.add(new Identity("garbage:cookie", null, null, "egov.session=0f1e2d3c4b5a69788796a5b4c3d2e1f0"
                + "; other=%%%", "forged"));
        return list;
    }

    private void authenticate(Identity who, List<String[]> headers, Random r) {
        if (who.authorization() != null) {
            headers.add(new String[]{"Authorization", who.authorization()});
        }
        if (who.cookie() != null) {
            headers.add(new String[]{"Cookie", who.cookie()});
            if (who.csrf() != null && r.nextInt(10) != 0) {
                headers.add(new String[]{"X-CSRF-Token", r.nextInt(15) == 0 ? "forged-token" : who.csrf()});
            }
        }
        // rarely, a decodable but wrong password: each costs the server a full password check (PBKDF2), so few
        if (who.authorization() == null && who.cookie() == null && r.nextInt(1_500) == 0) {
            String user = new String[]{"nobody-" + r.nextInt(100), "ghost", "jyj"}[r.nextInt(3)];
            headers.add(new String[]{"Authorization", "Basic " + Base64.getEncoder().encodeToString((user
                    + ":wrong-password-" + r.nextInt(1000)).getBytes(StandardCharsets.UTF_8))});
        }
    }

    private void extraHeaders(Route route, Identity who, List<String[]> headers, Random r) {
        if (r.nextInt(6) == 0) {
            headers.add(new String[]{"Idempotency-Key", idempotencyKey(who, r)});
        }
        if (r.nextInt(12) == 0) {
            headers.add(new String[]{"X-Request-Id", r.nextBoolean() ? "fuzz-" + r.nextInt(1000)
                    : FuzzJson.randomUnicode(r, 1 + r.nextInt(100)).replaceAll("[\\r\\n]", "")});
        }
        if (r.nextInt(12) == 0) {
            headers.add(new String[]{"X-Requested-With", "fetch"});
        }
        if (r.nextInt(20) == 0) {
            headers.add(new String[]{"Accept", new String[]{"*/*", "application/json", "text/html", "x/y;q=2",
                    "a".repeat(500)}[r.nextInt(5)]});
        }
        if (r.nextInt(40) == 0) {
            headers.add(new String[]{"X-Forwarded-For", "1.2.3.4, " + FuzzJson.randomUnicode(r, 10)
                    .replaceAll("[\\r\\n]", "")});
        }
        if (r.nextInt(50) == 0 && who.cookie() == null) {
            headers.add(new String[]{"Cookie", "egov.session=" + "0".repeat(r.nextInt(64))});
        }
    }

    private static String idempotencyKey(Identity who, Random r) {
        return switch (r.nextInt(10)) {
            case 0, 1, 2, 3, 4 -> "fuzz-key-" + who.name().replace(':', '-') + "-" + r.nextInt(3);
            case 5, 6 -> "fuzz-" + uuid(r);
            case 7 -> "short";
            case 8 -> "k".repeat(101 + r.nextInt(300));
            default -> "键 with spaces " + FuzzJson.randomUnicode(r, 5).replaceAll("[\\r\\n]", "");
        };
    }

    private static String contentType(Random r) {
        return switch (r.nextInt(20)) {
            case 0 -> "text/plain";
            case 1 -> "application/x-www-form-urlencoded";
            case 2 -> "multipart/form-data; boundary=x";
            case 3 -> "application/json; charset=gbk";
            case 4 -> "APPLICATION/JSON";
            case 5 -> "application/json;" + "x".repeat(300);
            case 6 -> "application/jsonx";
            case 7, 8 -> "application/json; charset=utf-8";
            default -> "application/json";
        };
    }

    private static FuzzHttp.Framing framing(Random r, byte[] body, boolean slow) {
        if (slow) {
            return FuzzHttp.Framing.LENGTH;
        }
        int n = r.nextInt(100);
        if (body.length > 1024 * 1024) {
            // a body over the limit: declared, not sent in full
            return n < 50 ? FuzzHttp.Framing.LENGTH_LONG_HALF_CLOSE : FuzzHttp.Framing.LENGTH;
        }
        if (n < 80) {
            return FuzzHttp.Framing.LENGTH;
        }
        if (n < 88) {
            return FuzzHttp.Framing.CHUNKED;
        }
        if (n < 93) {
            return FuzzHttp.Framing.EXPECT_CONTINUE;
        }
        if (n < 97) {
            return FuzzHttp.Framing.LENGTH_SHORT;
        }
        return FuzzHttp.Framing.LENGTH_LONG_HALF_CLOSE;
    }

    // ---------------------------------------------------------------------------------------------- path, query

    private String fillPath(String pattern, Random r) {
        String[] parts = pattern.split("/", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            b.append('/');
            String part = parts[i];
            if (part.equals("*")) {
                b.append(STATIC[r.nextInt(STATIC.length)].substring(1));
            } else if (!part.startsWith(":")) {
                b.append(part);
            } else {
                b.append(param(pattern, part.substring(1), r));
            }
        }
        return b.toString();
    }

    private String param(String pattern, String name, Random r) {
        int n = r.nextInt(100);
        if (n >= 92) {
            return encode(new String[]{"not-a-uuid", "", "%00", "..", "%2e%2e", "x".repeat(300),
                    uuid(r) + "x", "00000000-0000-0000-0000-000000000000", "1-1-1-1-1", "-1",
                    "99999999999999999999", "%E4%B8%AD", "%zz", "%%"}[r.nextInt(14)], r);
        }
        return switch (name) {
            case "id" -> {
                if (pattern.startsWith("/api/admin/dead-letters")) {
                    yield String.valueOf(new long[]{1, 2, 0, -1, Long.MAX_VALUE}[r.nextInt(5)]);
                }
                yield n < 80 ? pick(targets.projects(), r) : uuid(r).toString();
            }
            case "documentId" -> n < 70 && !targets.documents().isEmpty() ? pick(targets.documents(), r)
                    : uuid(r).toString();
            case "userId" -> n < 80 ? pick(new ArrayList<>(targets.userIds().values()), r) : "user-" + r.nextInt(100);
            case "file" -> n < 40 && targets.calendarToken() != null ? targets.calendarToken() + ".ics"
                    : (n < 70 ? uuid(r) + ".ics" : "t".repeat(r.nextInt(2000)) + ".ics");
            default -> "x";
        };
    }

    private static String encode(String s, Random r) {
        return r.nextBoolean() ? s : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String query(Route route, Random r) {
        if (route == null || (route.queryParameters().isEmpty() && r.nextInt(10) != 0)) {
            return r.nextInt(30) == 0 ? "?" + new String[]{"%zz", "a=%", "&&&", "a=1&a=2", "=x", "x".repeat(2000)}
                    [r.nextInt(6)] : "";
        }
        List<String> names = new ArrayList<>(route.queryParameters());
        if (r.nextInt(8) == 0) {
            names.add(new String[]{"page", "size", "year", "x", "callback"}[r.nextInt(5)]);
        }
        StringBuilder q = new StringBuilder();
        for (String name : names) {
            if (r.nextInt(3) == 0) {
                continue;
            }
            q.append(q.length() == 0 ? '?' : '&').append(name).append('=')
                    .append(URLEncoder.encode(queryValue(name, r), StandardCharsets.UTF_8));
        }
        if (r.nextInt(40) == 0) {
            q.append(q.length() == 0 ? '?' : '&').append(new String[]{"%zz", "a=%", "year=%G0"}[r.nextInt(3)]);
        }
        return q.toString();
    }

    private String queryValue(String name, Random r) {
        boolean hostile = r.nextInt(3) == 0;
        if (hostile) {
            return new String[]{"-1", "0", "2147483647", "2147483648", "-2147483648", "99999999999999999999", "1e9",
                    "1.5", "", " ", "abc", "-999999999-01-01", "+999999999-12-31", "0000-01-01", "2024-02-30",
                    "9".repeat(300), "年", "%00", "x".repeat(201), "x".repeat(3000), "null", "true",
                    FuzzJson.randomUnicode(r, 20)}[r.nextInt(23)];
        }
        return switch (name) {
            case "year", "planYear" -> String.valueOf(1995 + r.nextInt(110));
            case "page" -> String.valueOf(1 + r.nextInt(r.nextBoolean() ? 3 : 2_000_000));
            case "size" -> String.valueOf(r.nextInt(250));
            case "limit" -> String.valueOf(r.nextInt(1200));
            case "days" -> String.valueOf(r.nextInt(450));
            case "from", "to", "start" -> date(r);
            case "state" -> ProjectState.values()[r.nextInt(ProjectState.values().length)].name();
            case "category" -> Category.values()[r.nextInt(Category.values().length)].name();
            case "unit" -> pick(targets.units(), r);
            case "kind" -> CalculationKind.values()[r.nextInt(CalculationKind.values().length)].name();
            case "software" -> String.valueOf(r.nextBoolean());
            case "user" -> pick(new ArrayList<>(targets.userIds().values()), r);
            case "action" -> pick(new ArrayList<>(targets.actions().keySet()), r);
            case "project" -> pick(targets.projects(), r);
            default -> "x";
        };
    }

    private static String date(Random r) {
        int year = r.nextInt(10) == 0 ? 1890 + r.nextInt(1200) : 2019 + r.nextInt(9);
        return String.format("%04d-%02d-%02d", year, 1 + r.nextInt(12), 1 + r.nextInt(28));
    }

    // ---------------------------------------------------------------------------------------------------- bodies

    private byte[] body(Route route, String method, Identity who, Random r) {
        if (route == null) {
            return r.nextInt(4) == 0 ? FuzzJson.hostileBody(r) : new byte[0];
        }
        Node valid = valid(route, r);
        int n = r.nextInt(100);
        if (valid == null) {
            return n < 85 ? new byte[0] : FuzzJson.hostileBody(r);
        }
        if (n < 10) {
            return FuzzJson.hostileBody(r);
        }
        if (n < 55) {
            return FuzzJson.bytes(FuzzJson.mutate(valid, r));
        }
        return FuzzJson.bytes(valid);
    }

    /** A valid-ish body of the route, or null for a route that reads none. */
    private Node valid(Route route, Random r) {
        String key = route.key();
        if (key.startsWith("POST /api/projects/:id/actions/")) {
            String action = key.substring("POST /api/projects/:id/actions/".length());
            Obj body = actionBody(targets.actions().getOrDefault(action, List.of()), r);
            if (r.nextInt(4) == 0) {
                body.put("expectedVersion", FuzzJson.num(r.nextInt(40)));
            }
            return body;
        }
        return switch (key) {
            case "POST /api/session" -> signIn(r);
            case "POST /api/accounts" -> newAccount(r);
            case "PUT /api/accounts/:userId/enabled" -> new Obj().put("enabled", FuzzJson.bool(true));
            case "POST /api/units" -> new Obj().put("code", FuzzJson.str("FZ-" + r.nextInt(1_000_000)))
                    .put("nameZh", FuzzJson.str("模糊测试单位" + r.nextInt(1000)))
                    .put("kind", FuzzJson.str(r.nextBoolean() ? "IMPLEMENTING" : "AUTHORITY"));
            case "POST /api/projects" -> profile(r);
            case "POST /api/projects/:id/declare" -> r.nextBoolean() ? new Obj()
                    : new Obj().put("expectedVersion", FuzzJson.num(r.nextInt(20)));
            case "POST /api/annual-plans" -> new Obj().put("planYear", FuzzJson.num(2020 + r.nextInt(10)))
                    .put("reference", FuzzJson.str("太政办〔2025〕" + r.nextInt(99) + "号"))
                    .put("projects", FuzzJson.strings(List.of(pick(targets.projects(), r), pick(targets.projects(), r))));
            case "POST /api/declaration-windows" -> {
                int year = 2020 + r.nextInt(12);
                yield new Obj().put("planYear", FuzzJson.num(year + 1))
                        .put("opensOn", FuzzJson.str(year + "-07-01")).put("closesOn", FuzzJson.str(year + "-09-30"));
            }
            default -> null;
        };
    }

    /** Sign-in: mostly without a password check (a missing or over-long field); rarely a real check. */
    private static Node signIn(Random r) {
        if (r.nextInt(300) == 0) {
            return new Obj().put("username", FuzzJson.str(new String[]{"ghost", "jyj", "admin"}[r.nextInt(3)]))
                    .put("password", FuzzJson.str("wrong-" + r.nextInt(1000)));
        }
        return switch (r.nextInt(3)) {
            case 0 -> new Obj().put("username", FuzzJson.str("u".repeat(65 + r.nextInt(400))))
                    .put("password", FuzzJson.str("p"));
            case 1 -> new Obj().put("username", FuzzJson.str("admin"));
            default -> new Obj().put("password", FuzzJson.str("x"));
        };
    }

    /** A new account: mostly refused before any hashing (a short password); rarely a real one. */
    private Node newAccount(Random r) {
        boolean real = r.nextInt(400) == 0;
        return new Obj().put("username", FuzzJson.str("fz" + r.nextInt(1_000_000)))
                .put("displayName", FuzzJson.str("模糊" + r.nextInt(100)))
                .put("role", FuzzJson.str(Role.values()[r.nextInt(Role.values().length)].name()))
                .put("unit", FuzzJson.str(pick(targets.units(), r)))
                .put("mobile", FuzzJson.str("13900000000")).put("email", FuzzJson.str("fz@tc.gov.cn"))
                .put("password", FuzzJson.str(real ? "Fuzz-Password-" + r.nextInt(1000) : "short"));
    }

    private Obj profile(Random r) {
        Nature nature = Nature.values()[r.nextInt(Nature.values().length)];
        Obj p = new Obj().put("name", FuzzJson.str("模糊项目" + r.nextInt(100_000)))
                .put("planYear", FuzzJson.num(2022 + r.nextInt(8)))
                .put("category", FuzzJson.str(Category.values()[r.nextInt(Category.values().length)].name()))
                .put("nature", FuzzJson.str(nature.name()))
                .put("softwareDevelopment", FuzzJson.bool(r.nextBoolean()))
                .put("funding", FuzzJson.str(FundingSource.values()[r.nextInt(2)].name()))
                .put("classified", FuzzJson.bool(r.nextInt(8) == 0))
                .put("usesCryptography", FuzzJson.bool(r.nextBoolean()))
                .put("scopeItems", FuzzJson.strings(List.of("平台建设", "数据对接")))
                .put("performanceGoals", new Arr().add(new Obj().put("indicator", FuzzJson.str("办事时间缩短比例"))
                        .put("kind", FuzzJson.str("BENEFIT")).put("target", FuzzJson.str("≥30%"))));
        if (nature == Nature.IT_SERVICE) {
            p.put("serviceKind", FuzzJson.str(ServiceKind.values()[r.nextInt(ServiceKind.values().length)].name()));
            if (r.nextBoolean()) {
                p.put("supervisedProject", FuzzJson.str(pick(targets.projects(), r)));
            }
        }
        Arr lines = new Arr();
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            lines.add(new Obj().put("item", FuzzJson.str("明细" + i)).put("amount", money(r))
                    .put("supervision", FuzzJson.bool(i == 1)));
        }
        p.put("budgetLines", lines);
        if (r.nextInt(4) != 0) {
            p.put("people", new Obj()
                    .put("leader", new Obj().put("name", FuzzJson.str("李分管")).put("mobile", FuzzJson.str("13900000001"))
                            .put("email", FuzzJson.str("leader@tc.gov.cn")))
                    .put("responsible", new Obj().put("name", FuzzJson.str("王经办"))
                            .put("mobile", FuzzJson.str("13900000002")).put("email", FuzzJson.str("staff@tc.gov.cn"))));
        }
        return p;
    }

    private static Node money(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> new Lit("99999999999999.99");
            case 1 -> FuzzJson.str("99999999999999.99");
            case 2 -> new Lit("1e999999999");
            case 3 -> new Lit(String.valueOf(r.nextInt(10_000_000)));
            case 4 -> new Lit(r.nextInt(1_000_000) + "." + r.nextInt(100));
            default -> FuzzJson.str(r.nextInt(5_000_000) + "." + String.format("%02d", r.nextInt(100)));
        };
    }

    private Obj actionBody(List<Field> fields, Random r) {
        Obj body = new Obj();
        for (Field f : fields) {
            if (r.nextInt(12) == 0) {
                continue;
            }
            body.put(f.name(), fieldValue(f, r));
        }
        return body;
    }

    private Node fieldValue(Field f, Random r) {
        return switch (f.type()) {
            case "money" -> money(r);
            case "date" -> FuzzJson.str(date(r));
            case "bool" -> FuzzJson.bool(r.nextInt(4) != 0);
            case "int" -> FuzzJson.num(r.nextInt(110) - 5);
            case "list" -> FuzzJson.strings(r.nextBoolean() ? List.of("张明", "李华", "王芳")
                    : List.of("平台建设", "数据对接", "验收报告"));
            case "enum" -> FuzzJson.str(f.options().isEmpty()
                    ? SituationReport.Kind.values()[r.nextInt(SituationReport.Kind.values().length)].name()
                    : f.options().get(r.nextInt(f.options().size())));
            case "profile" -> profile(r);
            case "goalAchievements", "goalAssessments" -> new Arr().add(new Obj()
                    .put("indicator", FuzzJson.str(r.nextInt(4) == 0 ? "未申报的指标" : "办事时间缩短比例"))
                    .put("attainment", FuzzJson.str(f.options().get(r.nextInt(f.options().size()))))
                    .put(f.type().equals("goalAchievements") ? "actual" : "opinion", FuzzJson.str("32%"))
                    .put("explanation", FuzzJson.str("部分事项仍需线下核验")));
            case "contract" -> FuzzJson.str(targets.contracts().isEmpty() ? "HT-1" : pick(targets.contracts(), r));
            case "change" -> FuzzJson.str(targets.changes().isEmpty() || r.nextBoolean() ? uuid(r).toString()
                    : pick(targets.changes(), r));
            case "deadline" -> FuzzJson.str(targets.deadlines().isEmpty() || r.nextInt(4) == 0
                    ? uuid(r).toString() : pick(targets.deadlines(), r));
            default -> FuzzJson.str(new String[]{"同意", "建设必要，方案可行", "HT-2025-001", "苏州某信息技术有限公司"}
                    [r.nextInt(4)]);
        };
    }

    // ------------------------------------------------------------------------------------------------- uploads

    /** A multipart body, its content type, and whether it never completes (its server waits for the rest). */
    record Multipart(String contentType, byte[] body, boolean incomplete) {
    }

    private static Multipart multipart(Random r) {
        String boundary = switch (r.nextInt(12)) {
            case 0 -> "b".repeat(200);
            case 1 -> "=?\"weird boundary\"";
            default -> "----fuzz" + Long.toHexString(r.nextLong());
        };
        String contentType = switch (r.nextInt(25)) {
            case 0 -> "multipart/form-data";
            case 1 -> "multipart/form-data; boundary=other";
            case 2 -> "multipart/form-data; boundary=\"" + boundary + "\"";
            case 3 -> "multipart/mixed; boundary=" + boundary;
            case 4 -> "application/json";
            default -> "multipart/form-data; boundary=" + boundary;
        };
        String[] content = content(r);
        String fileName = fileName(content[0], r);
        byte[] bytes = content[1].getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        String crlf = "\r\n";
        if (r.nextInt(15) != 0) {
            String kind = switch (r.nextInt(12)) {
                case 0 -> "";
                case 1 -> "类".repeat(51);
                case 2 -> "k".repeat(70_000);
                case 3 -> FuzzJson.randomUnicode(r, 20);
                default -> "项目合同";
            };
            b.writeBytes(("--" + boundary + crlf + "Content-Disposition: form-data; name=\"kind\"" + crlf + crlf + kind
                    + crlf).getBytes(StandardCharsets.UTF_8));
        }
        int files = r.nextInt(15) == 0 ? 2 : (r.nextInt(20) == 0 ? 0 : 1);
        for (int i = 0; i < files; i++) {
            String partName = r.nextInt(20) == 0 ? "files" : "file";
            String disposition = r.nextInt(25) == 0 ? "form-data; name=\"" + partName + "\""
                    : "form-data; name=\"" + partName + "\"; filename=\"" + fileName + "\"";
            b.writeBytes(("--" + boundary + crlf + "Content-Disposition: " + disposition + crlf
                    + "Content-Type: " + (r.nextBoolean() ? "application/pdf" : "application/octet-stream") + crlf
                    + crlf).getBytes(StandardCharsets.UTF_8));
            b.writeBytes(bytes);
            b.writeBytes(crlf.getBytes(StandardCharsets.US_ASCII));
        }
        boolean incomplete = false;
        int end = r.nextInt(100);
        if (end < 95) {
            b.writeBytes(("--" + boundary + "--" + crlf).getBytes(StandardCharsets.US_ASCII));
        } else if (files > 0 && end < 98) {
            // the closing boundary never comes: the server must refuse it in a few seconds (rare: each costs those)
            incomplete = true;
        } else {
            b.writeBytes(("--" + boundary + crlf + "Content-Disp").getBytes(StandardCharsets.US_ASCII));
        }
        return new Multipart(contentType, b.toByteArray(), incomplete);
    }

    /** An extension and content: what it says, something else, or something nobody may upload. */
    private static String[] content(Random r) {
        byte[] head;
        String ext;
        switch (r.nextInt(14)) {
            case 0 -> {
                ext = "docx";
                head = ZIP;
            }
            case 1 -> {
                ext = "doc";
                head = OLE2;
            }
            case 2 -> {
                ext = "png";
                head = PNG;
            }
            case 3 -> {
                ext = "jpg";
                head = JPEG;
            }
            case 4 -> {
                ext = "txt";
                head = "说明：UTF-8 文本".getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                ext = "txt";
                head = new byte[]{'a', 0, 'b'};
            }
            case 6 -> {
                ext = "pdf";
                head = EXE;
            }
            case 7 -> {
                ext = "exe";
                head = EXE;
            }
            case 8 -> {
                ext = "pdf";
                head = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
            }
            case 9 -> {
                ext = "txt";
                head = new byte[]{(byte) 0xC4, (byte) 0xE3, (byte) 0xBA, (byte) 0xC3};
            }
            case 10 -> {
                ext = "xlsx";
                head = new byte[0];
            }
            default -> {
                ext = "pdf";
                head = PDF;
            }
        }
        int size = r.nextInt(40) == 0 ? 64 * 1024 + r.nextInt(400 * 1024) : r.nextInt(2048);
        byte[] all = new byte[head.length + size];
        System.arraycopy(head, 0, all, 0, head.length);
        boolean text = ext.equals("txt") && head.length > 0 && head[0] != 'a' && head[0] != (byte) 0xC4;
        for (int i = head.length; i < all.length; i++) {
            all[i] = text ? (byte) ('a' + r.nextInt(26)) : (byte) r.nextInt(256);
        }
        return new String[]{ext, new String(all, StandardCharsets.ISO_8859_1)};
    }

    private static String fileName(String ext, Random r) {
        return switch (r.nextInt(16)) {
            case 0 -> "长".repeat(3_000) + "." + ext;
            case 1 -> "../../etc/passwd." + ext;
            case 2 -> "a\\b." + ext;
            case 3 -> "a\u202Efdp." + ext;
            case 4 -> "";
            case 5 -> "." + ext;
            case 6 -> "noextension";
            case 7 -> "x".repeat(199) + "." + ext;
            case 8 -> FuzzJson.randomUnicode(r, 15).replaceAll("[\\r\\n\"]", "") + "." + ext;
            default -> "合同（签字版）." + ext;
        };
    }

    // ----------------------------------------------------------------------------------------------------- raw

    private Request raw(int index, Random r) {
        String text = switch (r.nextInt(12)) {
            case 0 -> "GET /" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
            case 1 -> "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(10_000) + "\r\n\r\n";
            case 2 -> "POST /api/projects HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n"
                    + "Content-Type: application/json\r\n\r\n{}";
            case 3 -> "POST /api/projects HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                    + "Content-Type: application/json\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n";
            case 4 -> "POST /api/projects HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n"
                    + "Content-Type: application/json\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
            case 5 -> "GARBAGE\r\n\r\n";
            case 6 -> "GET /health HTTP/9.9\r\n\r\n";
            case 7 -> "GET /health HTTP/1.0\r\n\r\n";
            case 8 -> "\r\n\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n";
            case 9 -> "GET /health HTTP/1.1\r\nHost: x\r\nBad Header Name: y\r\n\r\n";
            case 10 -> "POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: -1\r\n\r\n{}";
            default -> "GET /health HTTP/1.1\r\nHost: x\r\n" + "X-H: 1\r\n".repeat(200) + "\r\n";
        };
        return new Request(index, "raw", "(raw)", "RAW", "", List.of(), new byte[0], FuzzHttp.Framing.RAW,
                text.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    /** A random UUID drawn from the request's own random source, so that it is the same on a replay. */
    private static UUID uuid(Random r) {
        return new UUID(r.nextLong(), r.nextLong());
    }

    private static <T> T pick(List<T> list, Random r) {
        return list.get(r.nextInt(list.size()));
    }
}
