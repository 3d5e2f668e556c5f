package cn.egov.projects.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The fuzz test's HTTP/1.1 client over a plain socket, so that it can send what no well-behaved client sends
 * (lengths that lie, bodies cut short, garbage framing) and tell an answer from a closed connection and from a hang:
 * no answer within {@link #TIMEOUT_MILLIS}. A connection is kept alive between requests while its framing is sound.
 */
final class FuzzHttp implements AutoCloseable {

    /** How long the client waits for any byte of an answer before calling it a hang. */
    static final int TIMEOUT_MILLIS = 10_000;

    /** How the request is put on the wire. */
    enum Framing {
        /** Content-Length matching the body; the connection is reused. */
        LENGTH,
        /** Transfer-Encoding: chunked in random chunk sizes; the connection is reused. */
        CHUNKED,
        /** The head first with {@code Expect: 100-continue}, the body only after 100 Continue. */
        EXPECT_CONTINUE,
        /** A Content-Length smaller than the body (the rest is garbage to the server); a fresh connection. */
        LENGTH_SHORT,
        /** A Content-Length larger than what is sent, then the client half-closes; a fresh connection. */
        LENGTH_LONG_HALF_CLOSE,
        /** The bytes as given (a malformed request), then the client half-closes; a fresh connection. */
        RAW
    }

    /** What came back. */
    enum Kind { ANSWER, CLOSED, HANG }

    /** An outcome: an answer's status and the start of its body, or a closed connection, or a hang. */
    record Outcome(Kind kind, int status, String body, long millis) {

        String describe() {
            return switch (kind) {
                case ANSWER -> String.valueOf(status);
                case CLOSED -> "closed";
                case HANG -> "HANG";
            };
        }
    }

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    FuzzHttp(int port) {
        this.port = port;
    }

    /** Sends a request and reads its answer. */
    Outcome exchange(String method, byte[] head, byte[] body, Framing framing, java.util.Random random) {
        long started = System.nanoTime();
        boolean fresh = framing == Framing.LENGTH_SHORT || framing == Framing.LENGTH_LONG_HALF_CLOSE
                || framing == Framing.RAW;
        try {
            if (fresh) {
                close();
            }
            connect();
            Outcome outcome;
            switch (framing) {
                case LENGTH, LENGTH_SHORT, CHUNKED -> {
                    writeQuietly(concat(head, body, framing, random));
                    outcome = read(method, started, false);
                }
                case LENGTH_LONG_HALF_CLOSE, RAW -> {
                    writeQuietly(concat(head, body, framing, random));
                    try {
                        socket.shutdownOutput();
                    } catch (IOException e) {
                        // already closed by the server: read what it said
                    }
                    outcome = read(method, started, false);
                }
                case EXPECT_CONTINUE -> {
                    writeQuietly(head);
                    outcome = read(method, started, true);
                    if (outcome.kind() == Kind.ANSWER && outcome.status() == 100) {
                        writeQuietly(body);
                        outcome = read(method, started, false);
                    } else if (outcome.kind() == Kind.ANSWER) {
                        // answered without the body: the connection's state is unknown to us now
                        close();
                    }
                }
                default -> throw new IllegalStateException(framing.name());
            }
            if (fresh || outcome.kind() != Kind.ANSWER) {
                close();
            }
            return outcome;
        } catch (IOException e) {
            close();
            return new Outcome(Kind.CLOSED, 0, e.toString(), millis(started));
        }
    }

    private static byte[] concat(byte[] head, byte[] body, Framing framing, java.util.Random random) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(head);
        if (framing == Framing.CHUNKED) {
            int at = 0;
            while (at < body.length) {
                int n = Math.min(body.length - at, 1 + random.nextInt(Math.max(1, Math.min(body.length, 8192))));
                b.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                b.write(body, at, n);
                b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                at += n;
            }
            b.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            b.writeBytes(body);
        }
        return b.toByteArray();
    }

    private void connect() throws IOException {
        if (socket != null) {
            return;
        }
        socket = new Socket();
        socket.connect(new InetSocketAddress("localhost", port), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    /** Writes; a server that closed early (it answered already) is read from afterwards. */
    private void writeQuietly(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            // the answer may still be readable
        }
    }

    private Outcome read(String method, long started, boolean interimWanted) throws IOException {
        while (true) {
            String statusLine;
            try {
                statusLine = line();
            } catch (SocketTimeoutException e) {
                return new Outcome(Kind.HANG, 0, "no answer within " + TIMEOUT_MILLIS + " ms", millis(started));
            } catch (IOException e) {
                return new Outcome(Kind.CLOSED, 0, e.toString(), millis(started));
            }
            if (statusLine == null) {
                return new Outcome(Kind.CLOSED, 0, "closed without an answer", millis(started));
            }
            String[] parts = statusLine.split(" ", 3);
            int status;
            try {
                status = Integer.parseInt(parts[1]);
            } catch (RuntimeException e) {
                throw new IOException("not a status line: " + statusLine);
            }
            long length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> closing = value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            if (status >= 100 && status < 200) {
                if (interimWanted) {
                    return new Outcome(Kind.ANSWER, status, "", millis(started));
                }
                continue;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try {
                if (!"HEAD".equals(method) && status != 204 && status != 304) {
                    if (chunked) {
                        for (long size = chunkSize(); size > 0; size = chunkSize()) {
                            copy(size, body);
                            line();
                        }
                        for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                            // trailers dropped
                        }
                    } else if (length >= 0) {
                        copy(length, body);
                    } else {
                        copy(Long.MAX_VALUE, body);
                        closing = true;
                    }
                }
            } catch (SocketTimeoutException e) {
                return new Outcome(Kind.HANG, status, "the answer's body stopped", millis(started));
            }
            if (closing) {
                close();
            }
            String text = body.toString(StandardCharsets.UTF_8);
            return new Outcome(Kind.ANSWER, status, text.length() <= 600 ? text : text.substring(0, 600) + "…",
                    millis(started));
        }
    }

    private long chunkSize() throws IOException {
        String l = line();
        if (l == null) {
            throw new IOException("closed in a chunked answer");
        }
        return Long.parseLong(l.split(";", 2)[0].trim(), 16);
    }

    /** Copies up to n bytes, keeping at most 64 KiB of them. */
    private void copy(long n, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[8192];
        long left = n;
        while (left > 0) {
            int r = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (r < 0) {
                if (n == Long.MAX_VALUE) {
                    return;
                }
                throw new IOException("closed in the middle of an answer");
            }
            if (to.size() < 64 * 1024) {
                to.write(buffer, 0, r);
            }
            left -= r;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            if (b.size() < 64 * 1024) {
                b.write(c);
            }
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Whether the connection is kept for the next request. */
    boolean isOpen() {
        return socket != null;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
