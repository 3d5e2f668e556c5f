package cn.egov.projects.web.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where a request comes from: the client's address and whether it reached us over HTTPS, established once, first
 * thing, for everything after it (the audit trail's source address, the sign-in rate limits, the access log, the
 * session cookie's {@code Secure} flag).
 *
 * <p>Forwarded headers are believed only from a {@link TrustedProxies trusted proxy}, the direct peer. Then the client
 * is the right-most address of {@code X-Forwarded-For} that is not itself a trusted proxy (the ones to its left were
 * written by the client or by proxies we do not know, and prove nothing); the request counts as HTTPS when
 * {@code X-Forwarded-Proto} says {@code https} (a forged claim can only make the client's own cookie stricter).
 * RFC 7239 {@code Forwarded} is not read: a proxy that writes only the {@code X-Forwarded-*} headers passes a client's
 * own {@code Forwarded} header through untouched. {@code X-Forwarded-Host} is not read either: the application builds
 * no absolute link from the request (links in reminders use the configured base URL). Over HTTPS the answer carries
 * {@code Strict-Transport-Security}. The first {@code X-Forwarded-For} from a peer that is not trusted is logged once,
 * as a hint to the operator: behind a proxy not listed, every client has the proxy's address (and shares its limits).
 */
public final class ClientOrigin implements PlatformHandler {

    /** A request's origin: the client's address, the direct peer's, and whether the client used HTTPS. */
    public record Origin(String address, String peer, boolean https) {

        /** Whether the client's address came from a trusted proxy's header rather than the connection. */
        public boolean forwarded() {
            return !address.equals(peer);
        }
    }

    public static final String HSTS = "max-age=31536000";

    private static final String KEY = "egov.origin";
    private static final Logger LOG = LoggerFactory.getLogger(ClientOrigin.class);

    private final TrustedProxies trusted;
    private final AtomicBoolean hinted = new AtomicBoolean();

    public ClientOrigin(TrustedProxies trusted) {
        this.trusted = Objects.requireNonNull(trusted, "trusted");
    }

    @Override
    public void handle(RoutingContext ctx) {
        Origin origin = establish(ctx.request());
        ctx.put(KEY, origin);
        if (origin.https()) {
            ctx.response().putHeader("Strict-Transport-Security", HSTS);
        }
        ctx.next();
    }

    /** The request's origin; for a request that did not pass this handler, its connection's peer. */
    public static Origin of(RoutingContext ctx) {
        Origin origin = ctx.get(KEY);
        return origin != null ? origin : establish(ctx.request(), TrustedProxies.NONE);
    }

    /** The client's address, as the audit trail and the rate limits take it. */
    public static String address(RoutingContext ctx) {
        return of(ctx).address();
    }

    private Origin establish(HttpServerRequest request) {
        Origin origin = establish(request, trusted);
        if (!origin.forwarded() && request.headers().contains("X-Forwarded-For") && !trusted.contains(
                IpLiterals.parse(origin.peer())) && hinted.compareAndSet(false, true)) {
            LOG.warn("X-Forwarded-For from {} ignored: it is not a trusted proxy (if it is your reverse proxy, list it "
                    + "in EGOV_TRUSTED_PROXIES; logged once)", origin.peer());
        }
        return origin;
    }

    private static Origin establish(HttpServerRequest request, TrustedProxies trusted) {
        SocketAddress remote = request.remoteAddress();
        String peerText = remote == null ? null : remote.hostAddress();
        if (peerText != null && peerText.indexOf('%') > 0) {
            peerText = peerText.substring(0, peerText.indexOf('%'));
        }
        byte[] peer = IpLiterals.parse(peerText);
        String peerAddress = peer != null ? IpLiterals.format(peer) : peerText == null ? "-" : peerText;
        boolean https = request.isSSL();
        if (peer == null || !trusted.contains(peer)) {
            return new Origin(peerAddress, peerAddress, https);
        }
        String client = client(request.headers().getAll("X-Forwarded-For"), peerAddress, trusted);
        for (String value : request.headers().getAll("X-Forwarded-Proto")) {
            for (String proto : value.split(",")) {
                https |= proto.trim().equalsIgnoreCase("https");
            }
        }
        return new Origin(client, peerAddress, https);
    }

    /**
     * The right-most address of the list that is not a trusted proxy, walking from the peer towards the client; the
     * last trusted hop when an element cannot be read (a proxy's {@code unknown}); the left-most when all are trusted.
     */
    static String client(List<String> headers, String peer, TrustedProxies trusted) {
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String element : header.split(",")) {
                hops.add(element.trim());
            }
        }
        String current = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            byte[] hop = IpLiterals.parseForwarded(hops.get(i));
            if (hop == null) {
                return current;
            }
            current = IpLiterals.format(hop);
            if (!trusted.contains(hop)) {
                return current;
            }
        }
        return current;
    }
}
