package cn.egov.projects.web.http;

import org.slf4j.MDC;

import java.util.concurrent.Callable;

/** Puts a request's id into the slf4j MDC for the log lines written while a piece of its work runs. */
public final class Mdc {

    /** The MDC key of the request id (the log pattern prints {@code %X{requestId}}). */
    public static final String REQUEST_ID = "requestId";

    private Mdc() {
    }

    public static void run(String requestId, Runnable work) {
        String previous = MDC.get(REQUEST_ID);
        MDC.put(REQUEST_ID, requestId);
        try {
            work.run();
        } finally {
            restore(previous);
        }
    }

    public static <T> T call(String requestId, Callable<T> work) throws Exception {
        String previous = MDC.get(REQUEST_ID);
        MDC.put(REQUEST_ID, requestId);
        try {
            return work.call();
        } finally {
            restore(previous);
        }
    }

    private static void restore(String previous) {
        if (previous == null) {
            MDC.remove(REQUEST_ID);
        } else {
            MDC.put(REQUEST_ID, previous);
        }
    }
}
