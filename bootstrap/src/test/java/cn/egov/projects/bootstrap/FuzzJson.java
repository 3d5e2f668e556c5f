package cn.egov.projects.bootstrap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * JSON as the fuzz test writes it: a tree whose leaves are raw text, so that it can hold what a JSON library would
 * never write (1e999999999, a lone surrogate, a duplicate key), and hostile values to put anywhere in it.
 */
final class FuzzJson {

    private FuzzJson() {
    }

    /** A node of the tree. */
    sealed interface Node permits Obj, Arr, Lit {
    }

    /** An object; {@code duplicate} writes its first key twice. */
    record Obj(Map<String, Node> fields, boolean duplicate) implements Node {
        Obj() {
            this(new LinkedHashMap<>(), false);
        }

        Obj put(String key, Node value) {
            fields.put(key, value);
            return this;
        }
    }

    /** An array. */
    record Arr(List<Node> items) implements Node {
        Arr() {
            this(new ArrayList<>());
        }

        Arr add(Node item) {
            items.add(item);
            return this;
        }
    }

    /** A literal, written as it is. */
    record Lit(String raw) implements Node {
    }

    static Lit str(String s) {
        return new Lit(quote(s));
    }

    static Lit num(Object n) {
        return new Lit(String.valueOf(n));
    }

    static Lit bool(boolean b) {
        return new Lit(String.valueOf(b));
    }

    static final Lit NULL = new Lit("null");

    static Arr strings(List<String> items) {
        Arr a = new Arr();
        items.forEach(s -> a.add(str(s)));
        return a;
    }

    static byte[] bytes(Node node) {
        StringBuilder b = new StringBuilder();
        write(node, b);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void write(Node node, StringBuilder b) {
        if (node instanceof Lit l) {
            b.append(l.raw());
        } else if (node instanceof Arr a) {
            b.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                write(a.items().get(i), b);
            }
            b.append(']');
        } else if (node instanceof Obj o) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, Node> e : o.fields().entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                b.append(quote(e.getKey())).append(':');
                write(e.getValue(), b);
            }
            if (o.duplicate() && !o.fields().isEmpty()) {
                Map.Entry<String, Node> e = o.fields().entrySet().iterator().next();
                b.append(',').append(quote(e.getKey())).append(':');
                write(e.getValue(), b);
            }
            b.append('}');
        }
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    // ------------------------------------------------------------------------------------------- hostile values

    private static final String[] HOSTILE_NUMBERS = {"1e999999999", "-1e999999999", "1E-999999999",
            "9.9E+2147483647", "1E+2147483647", "0", "-0", "-1", "2147483648", "-2147483649", "9223372036854775808",
            "1" + "0".repeat(63), "9".repeat(80), "0.001", "1.005", "99999999999999.99", "100000000000000",
            "99999999999999.999", "123456789012345678.12", "1.0000000000000000000001", "0.1e1", "1e2", "5e-324",
            "1.7976931348623157e309", "NaN", "Infinity", "-Infinity", "0x10", "01", "1.", ".5", "+1", "1e", "--1"};

    private static final String[] HOSTILE_STRINGS = {"", " ", "\u0000", "a\u0000b", "\ud800", "\udfff\ud800",
            "\u202Efdp.exe", "\uFEFF", "😀🀄️", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd",
            "1e999999999", "99999999999999999999.99", "-1", "-999999999-01-01", "+999999999-12-31", "2024-02-30",
            "0000-00-00", "２０２４－０１－０１", "2024-13-01", "2024/01/01", "null", "true", "NaN", "%00", "\r\n\r\n",
            "${jndi:ldap://x}", "{{7*7}}", "TC-GAJ", "admin", "UNIT_STAFF", "DRAFT", "BUSINESS_SYSTEM",
            "13900000001", "a@b.cn", "a|b@tc.gov.cn", "139|0000", "00000000-0000-0000-0000-000000000000"};

    /** A hostile value of any kind. */
    static Node hostile(Random r) {
        return switch (r.nextInt(10)) {
            case 0, 1, 2 -> new Lit(HOSTILE_NUMBERS[r.nextInt(HOSTILE_NUMBERS.length)]);
            case 3, 4, 5 -> str(hostileString(r));
            case 6 -> r.nextBoolean() ? bool(r.nextBoolean()) : NULL;
            case 7 -> nested(r, 1 + r.nextInt(r.nextInt(10) == 0 ? 200 : 40), r.nextBoolean());
            case 8 -> {
                Arr a = new Arr();
                int n = r.nextInt(4) == 0 ? 1_001 + r.nextInt(50) : r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    a.add(r.nextBoolean() ? str("项" + i) : hostileLeaf(r));
                }
                yield a;
            }
            default -> new Obj().put(hostileString(r), hostileLeaf(r));
        };
    }

    static Node hostileLeaf(Random r) {
        return r.nextBoolean() ? new Lit(HOSTILE_NUMBERS[r.nextInt(HOSTILE_NUMBERS.length)]) : str(hostileString(r));
    }

    static String hostileString(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> "长".repeat(new int[]{41, 51, 65, 101, 201, 501, 5_001, 20_001, 60_000}[r.nextInt(9)]);
            case 1 -> "x".repeat(new int[]{200, 201, 300, 3_000, 100_000, 400_000}[r.nextInt(6)]);
            case 2 -> randomUnicode(r, 1 + r.nextInt(80));
            default -> HOSTILE_STRINGS[r.nextInt(HOSTILE_STRINGS.length)];
        };
    }

    static String randomUnicode(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(5);
            int cp = switch (kind) {
                case 0 -> r.nextInt(0x20);
                case 1 -> 0x20 + r.nextInt(0x5f);
                case 2 -> 0x4E00 + r.nextInt(0x5000);
                case 3 -> 0x1F300 + r.nextInt(0x300);
                default -> r.nextInt(0x110000);
            };
            if (Character.isValidCodePoint(cp)) {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    /** Arrays or objects nested {@code depth} deep, as text (a tree that deep would be written recursively). */
    static Node nested(Random r, int depth, boolean arrays) {
        return new Lit(arrays ? "[".repeat(depth) + "1" + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }

    /** Replaces a few values anywhere in the tree with hostile ones, drops or adds fields, duplicates a key. */
    static Node mutate(Node node, Random r) {
        List<Runnable> edits = new ArrayList<>();
        collect(node, r, edits);
        if (edits.isEmpty()) {
            return node;
        }
        int n = 1 + r.nextInt(Math.min(3, edits.size()));
        for (int i = 0; i < n; i++) {
            edits.get(r.nextInt(edits.size())).run();
        }
        return node;
    }

    private static void collect(Node node, Random r, List<Runnable> edits) {
        if (node instanceof Obj o) {
            List<String> keys = new ArrayList<>(o.fields().keySet());
            for (String key : keys) {
                Node value = o.fields().get(key);
                edits.add(() -> o.fields().put(key, hostile(r)));
                edits.add(() -> o.fields().remove(key));
                collect(value, r, edits);
            }
            edits.add(() -> o.fields().put(hostileString(r), hostile(r)));
            if (!o.fields().isEmpty()) {
                edits.add(() -> {
                    if (!o.fields().isEmpty()) {
                        o.fields().put(o.fields().keySet().iterator().next() + "\u0000", NULL);
                    }
                });
            }
        } else if (node instanceof Arr a) {
            for (int i = 0; i < a.items().size(); i++) {
                int at = i;
                edits.add(() -> a.items().set(at, hostile(r)));
                collect(a.items().get(i), r, edits);
            }
            edits.add(() -> a.items().add(hostile(r)));
        }
    }

    /** A whole body that is not what any route reads. */
    static byte[] hostileBody(Random r) {
        return switch (r.nextInt(14)) {
            case 0 -> new byte[0];
            case 1 -> "null".getBytes(StandardCharsets.UTF_8);
            case 2 -> "[]".getBytes(StandardCharsets.UTF_8);
            case 3 -> "\"x\"".getBytes(StandardCharsets.UTF_8);
            case 4 -> "{".getBytes(StandardCharsets.UTF_8);
            case 5 -> "{\"a\":1} trailing".getBytes(StandardCharsets.UTF_8);
            case 6 -> "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
            case 7 -> bytes(nested(r, 32 + r.nextInt(5000), r.nextBoolean()));
            case 8 -> {
                byte[] b = new byte[1 + r.nextInt(2048)];
                r.nextBytes(b);
                yield b;
            }
            case 9 -> ("{\"name\":\"" + "界".repeat(r.nextInt(2) == 0 ? 349_600 : 10) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            case 10 -> new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
            case 11 -> ("\uFEFF{\"a\":1}").getBytes(StandardCharsets.UTF_8);
            case 12 -> ("{\"n\":" + "9".repeat(100_000) + "}").getBytes(StandardCharsets.US_ASCII);
            default -> ("{\"a\":" + "[".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
        };
    }
}
