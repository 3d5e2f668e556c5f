package cn.egov.projects.web.access;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The central table of routes and their access rules. Routes are added to the router only through {@link #add}, so
 * that each has a rule; {@link Guard} looks a request up here and denies it when nothing matches.
 */
public final class RouteTable {

    /** A registered route: method, path pattern ({@code /api/projects/:id}, or a prefix ending in {@code /*}). */
    public static final class Entry {

        private final HttpMethod method;
        private final String path;
        private final Rule rule;
        private final String[] parts;
        private final String prefix;

        Entry(HttpMethod method, String path, Rule rule) {
            this.method = method;
            this.path = path;
            this.rule = rule;
            this.parts = path.split("/", -1);
            this.prefix = path.endsWith("/*") ? path.substring(0, path.length() - 1) : null;
        }

        public HttpMethod method() {
            return method;
        }

        public String path() {
            return path;
        }

        public Rule rule() {
            return rule;
        }

        boolean isPrefix() {
            return prefix != null;
        }

        boolean matches(HttpMethod m, String requestPath) {
            if (!method.equals(m) && !(method.equals(HttpMethod.GET) && m.equals(HttpMethod.HEAD))) {
                return false;
            }
            return matchesPath(requestPath);
        }

        boolean matchesPath(String requestPath) {
            if (prefix != null) {
                if (requestPath.startsWith("/api/") && !prefix.startsWith("/api/")) {
                    return false;
                }
                return requestPath.startsWith(prefix) || requestPath.equals(prefix.substring(0, prefix.length() - 1));
            }
            int segment = 0;
            int from = 0;
            int length = requestPath.length();
            while (true) {
                int slash = requestPath.indexOf('/', from);
                int to = slash < 0 ? length : slash;
                if (segment >= parts.length) {
                    return false;
                }
                String want = parts[segment];
                if (want.startsWith(":")) {
                    if (to == from) {
                        return false;
                    }
                } else if (want.length() != to - from || !requestPath.startsWith(want, from)) {
                    return false;
                }
                segment++;
                if (slash < 0) {
                    return segment == parts.length;
                }
                from = slash + 1;
            }
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a route with its rule and handler. */
    public void add(Router router, HttpMethod method, String path, Rule rule, Handler<RoutingContext> handler) {
        entries.add(new Entry(method, path, rule));
        router.route(method, path).handler(handler);
    }

    /** The rule of the first registered route matching a request (exact routes before prefixes). */
    public Optional<Rule> ruleFor(HttpMethod method, String requestPath) {
        for (Entry e : entries) {
            if (!e.isPrefix() && e.matches(method, requestPath)) {
                return Optional.of(e.rule());
            }
        }
        for (Entry e : entries) {
            if (e.isPrefix() && e.matches(method, requestPath)) {
                return Optional.of(e.rule());
            }
        }
        return Optional.empty();
    }

    /** Whether some exact route has this path, whatever its method. */
    public boolean knowsPath(String requestPath) {
        return entries.stream().filter(e -> !e.isPrefix()).anyMatch(e -> e.matchesPath(requestPath));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }
}
