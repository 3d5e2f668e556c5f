package cn.egov.projects.persistence.project;

import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import cn.egov.projects.domain.project.Person;
import cn.egov.projects.persistence.crypto.FieldCipher;

/**
 * A project's document: {@link Project.Snapshot} as JSON, the one place a project's state is stored (see the
 * package description for why the domain's records are written as they are).
 *
 * <p>The document is the snapshot's record components by name, nested as the records nest, with
 * <ul>
 *   <li>{@code "format"} first: the number of the layout, {@link #FORMAT}; a document of an older layout is brought
 *       up to date by {@link #upgrade} before it is read, one of a newer layout (written by a later release) is
 *       refused;</li>
 *   <li>amounts ({@link Money}) as JSON strings of the exact yuan, e.g. {@code "1234.50"} — no binary floating point
 *       anywhere between the database and {@code BigDecimal};</li>
 *   <li>days as ISO strings ({@code "2025-01-31"}), ids as their UUID text, the unit as its code, enums by name;</li>
 *   <li>no {@code "version"}: the version is the {@code project} row's column, which the save's
 *       {@code WHERE version = ?} checks; reading puts it back;</li>
 *   <li>absent members for nulls; Chinese text as it is (UTF-8, not escaped);</li>
 *   <li>written with a {@link FieldCipher} ({@link #write(Project.Snapshot, FieldCipher)}), the accountable people's
 *       {@code "mobile"} and {@code "email"} encrypted (SM4-GCM), bound to the project's id and to
 *       {@link #personField the duty and member}; read back with the cipher, they are plaintext again (a plaintext
 *       one, written before encryption at rest, is read as it is).</li>
 * </ul>
 * Only the record components are written: derived accessors of the domain such as {@code Deadline.isOpen()} are
 * not part of the state and are not looked at.
 */
public final class ProjectDocuments {

    /**
     * The layout this release writes. Raise it, and add a step to {@link #upgrade}, when a stored document of the
     * current layout would no longer read as the project it was (a component renamed, removed, or a new one that
     * must not be null); a new optional component needs neither (it reads as null, false or 0 from older
     * documents).
     */
    public static final int FORMAT = 2;

    /** The attributes of a write or read naming the cipher and the project whose people's contacts it concerns. */
    static final String CIPHER = "egov.cipher";
    static final String PROJECT = "egov.project";

    /** Reads documents and trees; the snapshot's {@code version} is the row's, given beside the document. */
    private static final ObjectMapper JSON = mapper();

    /**
     * Writes snapshots without their {@code version}, which the row holds; the JSON of the records in them is
     * {@link RememberedJson remembered} for the next save.
     */
    private static final ObjectMapper WRITER = mapper(new SimpleModule("egov-remembered-json")
            .setSerializerModifier(RememberedJson.REMEMBERED));

    /** Binds a document of the current layout, in which {@code "format"} names no component of the snapshot. */
    private static final ObjectReader CURRENT;

    /** {@link #WRITER}'s writer, to which a save adds its cipher and project. */
    private static final com.fasterxml.jackson.databind.ObjectWriter WRITE;

    static {
        WRITER.configOverride(Project.Snapshot.class)
                .setIgnorals(JsonIgnoreProperties.Value.forIgnoredProperties("version"));
        ObjectMapper current = mapper();
        current.configOverride(Project.Snapshot.class)
                .setIgnorals(JsonIgnoreProperties.Value.forIgnoredProperties("format"));
        CURRENT = current.readerFor(Project.Snapshot.class);
        WRITE = WRITER.writer();
    }

    /**
     * The column, for {@link FieldCipher}'s associated data, of one contact of one accountable person inside the
     * document: table {@code project}, column {@code document.<duty>.<member>} (e.g. {@code document.leader.mobile});
     * the row key is the project's id.
     */
    public static FieldCipher.Field personField(String duty, String member) {
        return new FieldCipher.Field("project", "document." + duty + "." + member);
    }

    private static ObjectMapper mapper(com.fasterxml.jackson.databind.Module... more) {
        return JsonMapper.builder()
                .addModule(valueTypes())
                .addModules(more)
                // record components only: "isOpen()" and the like are derived, not state
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    private ProjectDocuments() {
    }

    /**
     * The document of a snapshot (its version left out), {@code "format"} first. Written straight from the record,
     * not through a JSON tree: a save writes the whole document, so this is on every transition's path.
     */
    public static DocumentText write(Project.Snapshot snapshot) {
        return write(snapshot, null);
    }

    /**
     * {@link #write(Project.Snapshot)} with the accountable people's mobile numbers and e-mail addresses encrypted
     * under {@code cipher} (none when null).
     *
     * <p>Written straight to UTF-8 bytes, characters beyond the BMP as their four bytes, as {@code
     * String.getBytes(UTF_8)} would encode the text: Jackson's UTF-8 writer combines a surrogate pair only with
     * {@code COMBINE_UNICODE_SURROGATES_IN_UTF8}, and then it also joins an unpaired surrogate from hostile input with
     * the character after it into a code point nobody entered. So every string goes to it {@link
     * WellFormedStrings well-formed}: an unpaired surrogate is written as {@code ?}, as the text's encoding writes it.
     */
    public static DocumentText write(Project.Snapshot snapshot, FieldCipher cipher) {
        return write(snapshot, cipher, false);
    }

    /**
     * {@link #write(Project.Snapshot, FieldCipher)}; when {@code rememberRecords}, the JSON of each record in the
     * snapshot is kept by the record object and copied when that very record is written again ({@link RememberedJson}):
     * for a project saved again from the snapshot it was loaded as. Without, nothing is kept (what is remembered is
     * still used).
     */
    public static DocumentText write(Project.Snapshot snapshot, FieldCipher cipher, boolean rememberRecords) {
        DocumentBuffer out = new DocumentBuffer(DOCUMENT_BUFFER, rememberRecords);
        try (JsonGenerator gen = new WellFormedStrings(UTF8.createGenerator(out, JsonEncoding.UTF8))) {
            (cipher == null ? WRITE : WRITE.withAttributes(Map.of(CIPHER, cipher, PROJECT,
                    snapshot.id().value().toString()))).writeValue(gen, snapshot);
        } catch (IOException e) {
            throw new IllegalStateException("project " + snapshot.id() + " cannot be written as a document", e);
        }
        // a snapshot always has members (its id at least), so the object is "{" member, …: the format goes first
        return DocumentText.ofUtf8(out.after(FORMAT_HEAD, 1));
    }

    /** What a document opens with: the object's brace and its {@code "format"} member. */
    private static final byte[] FORMAT_HEAD = ("{\"format\":" + FORMAT + ",").getBytes(StandardCharsets.US_ASCII);

    /** The first buffer a document is written into: most documents fit (a whole life's is some 6 kB). */
    private static final int DOCUMENT_BUFFER = 8192;

    /** Writes UTF-8 with surrogate pairs as one character each; its strings come through {@link WellFormedStrings}. */
    static final JsonFactory UTF8 = WRITER.getFactory().rebuild()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    /**
     * A generator that hands every string on well-formed: an unpaired surrogate (a high one not followed by a low
     * one, or a low one alone) becomes {@code ?}; pairs and everything else pass unchanged.
     */
    static final class WellFormedStrings extends JsonGeneratorDelegate {
        WellFormedStrings(JsonGenerator d) {
            super(d, false);
        }

        @Override
        public void writeString(String text) throws IOException {
            super.writeString(text == null ? null : wellFormed(text));
        }

        @Override
        public void writeString(char[] text, int offset, int len) throws IOException {
            super.writeString(wellFormed(new String(text, offset, len)));
        }

        @Override
        public void writeStringField(String name, String value) throws IOException {
            writeFieldName(name);
            writeString(value);
        }

        @Override
        public void writeFieldName(String name) throws IOException {
            super.writeFieldName(wellFormed(name));
        }

        /** JSON already written through a generator of this kind ({@link RememberedJson}): well-formed already. */
        @Override
        public void writeRawValue(com.fasterxml.jackson.core.SerializableString raw) throws IOException {
            delegate.writeRawValue(raw);
        }
    }

    /** {@code text} with each unpaired surrogate replaced by {@code ?} (the same string when it has none). */
    static String wellFormed(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return replaced(text, i);
                }
            }
        }
        return text;
    }

    private static String replaced(String text, int from) {
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, from);
        int n = text.length();
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '?' : c);
            }
        }
        return out.toString();
    }

    /** {@code head} followed by {@code tail} from {@code from} on. */
    private static byte[] joined(byte[] head, byte[] tail, int from) {
        byte[] all = new byte[head.length + tail.length - from];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, from, all, head.length, tail.length - from);
        return all;
    }

    /**
     * The snapshot a stored document holds, at the row's {@code version}.
     *
     * @throws IllegalStateException when the document is not one this release can read (malformed, of a later
     *                               format, or naming what the domain no longer has)
     */
    public static Project.Snapshot read(UUID id, long version, String text) {
        return read(id, version, text, null);
    }

    /**
     * {@link #read(UUID, long, String)} with the accountable people's contacts decrypted under {@code cipher}.
     *
     * @throws FieldCipher.UndecryptableException when a contact does not decrypt (another project's, altered, or
     *                                            under a key the key file does not hold; none without a cipher)
     */
    public static Project.Snapshot read(UUID id, long version, String text, FieldCipher cipher) {
        return read(id, version, DocumentText.of(text), cipher);
    }

    /** {@link #read(UUID, long, String, FieldCipher)} of a document as the database gave it, text or bytes. */
    public static Project.Snapshot read(UUID id, long version, DocumentText document, FieldCipher cipher) {
        Map<String, Object> attributes = cipher == null ? Map.of(PROJECT, id.toString())
                : Map.of(CIPHER, cipher, PROJECT, id.toString());
        try {
            int format = formatOf(id, document);
            if (format < 1 || format > FORMAT) {
                throw new IllegalStateException("the document of project " + id + " has format " + format
                        + "; this release reads formats 1 to " + FORMAT);
            }
            if (format == FORMAT) {
                // bound straight from the document, with the row's version put in front of the members (a document
                // never holds one): no JSON tree on a load of a current document
                ObjectReader reader = CURRENT.withAttributes(attributes);
                if (document.isUtf8()) {
                    byte[] utf8 = document.utf8();
                    byte[] head = ("{\"version\":" + version + ",").getBytes(StandardCharsets.US_ASCII);
                    return reader.readValue(joined(head, utf8, indexOfOpen(utf8) + 1));
                }
                String text = document.text();
                int open = text.indexOf('{');
                return reader.readValue("{\"version\":" + version + "," + text.substring(open + 1));
            }
            ObjectNode tree = (ObjectNode) (document.isUtf8() ? JSON.readTree(document.utf8())
                    : JSON.readTree(document.text()));
            upgrade(tree, format);
            tree.remove("format");
            tree.put("version", version);
            return JSON.readerFor(Project.Snapshot.class).withAttributes(attributes).readValue(tree);
        } catch (JsonProcessingException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof FieldCipher.UndecryptableException undecryptable) {
                    throw undecryptable;
                }
            }
            throw new IllegalStateException("the document of project " + id + " cannot be read: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the object opens: its first opening brace (a document is an object, as {@link #formatOf} found). */
    private static int indexOfOpen(byte[] utf8) {
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '{') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The {@code "format"} member of a document, found by reading its top-level members' names only (skipping
     * their values); 0 when it has none.
     *
     * @throws IllegalStateException when the text is not a JSON object
     */
    private static int formatOf(UUID id, DocumentText document) throws JsonProcessingException {
        try (JsonParser parser = document.isUtf8() ? JSON.createParser(document.utf8())
                : JSON.createParser(document.text())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("the document of project " + id + " is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("format".equals(name)) {
                    return value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : 0;
                }
                parser.skipChildren();
            }
            return 0;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Brings a document of layout {@code from} to {@link #FORMAT}, step by step, as a JSON tree: renaming or
     * moving members, filling new required ones. Each step is kept as released, never changed; a later release adds
     * {@code if (from < 3) { … }} and so on.
     *
     * <ul>
     *   <li>1 → 2: a performance goal was a line of text ({@code "performanceGoals": ["办件时间缩短30%"]}); it is an
     *       object now, with an indicator, a kind and a target. A line becomes the indicator of a goal without kind
     *       or target (which a declaration would refuse, and a declared project keeps as it was declared). The goals'
     *       achievements at self-inspection and their assessments at acceptance are new optional members.</li>
     * </ul>
     */
    static void upgrade(ObjectNode document, int from) {
        if (from < 2) {
            JsonNode profile = document.get("profile");
            JsonNode goals = profile == null ? null : profile.get("performanceGoals");
            if (goals instanceof ArrayNode lines) {
                ArrayNode upgraded = lines.arrayNode();
                for (JsonNode line : lines) {
                    upgraded.add(line.isTextual() ? upgraded.objectNode().put("indicator", line.asText()) : line);
                }
                ((ObjectNode) profile).set("performanceGoals", upgraded);
            }
        }
    }

    // ---------------------------------------------------------------- the domain's value types as JSON scalars

    private static SimpleModule valueTypes() {
        SimpleModule module = new SimpleModule("egov-project-values");
        scalar(module, Money.class, m -> m.toBigDecimal().toPlainString(), t -> Money.of(new BigDecimal(t)));
        scalar(module, LocalDate.class, LocalDate::toString, ProjectDocuments::day);
        scalar(module, ProjectId.class, id -> id.value().toString(), t -> new ProjectId(UUID.fromString(t)));
        scalar(module, UnitId.class, UnitId::code, UnitId::new);
        module.addSerializer(Person.class, new PersonSerializer());
        module.addDeserializer(Person.class, new PersonDeserializer());
        return module;
    }

    /** The duty a person is written under ({@code leader}, {@code responsible}), from the member's name. */
    private static String duty(String name) {
        return name == null ? "person" : name;
    }

    /** A person as its record components, the contacts encrypted when the write has a cipher. */
    private static final class PersonSerializer extends com.fasterxml.jackson.databind.ser.std.StdSerializer<Person> {
        PersonSerializer() {
            super(Person.class);
        }

        @Override
        public void serialize(Person person, JsonGenerator gen, SerializerProvider provider) throws IOException {
            FieldCipher cipher = (FieldCipher) provider.getAttribute(CIPHER);
            String duty = duty(gen.getOutputContext().getCurrentName());
            String project = (String) provider.getAttribute(PROJECT);
            gen.writeStartObject();
            gen.writeStringField("name", person.name());
            gen.writeStringField("mobile", cipher == null ? person.mobile()
                    : cipher.encryptUnlessUnchanged(personField(duty, "mobile"), project, person.mobile()));
            if (person.email() != null) {
                gen.writeStringField("email", cipher == null ? person.email()
                        : cipher.encryptUnlessUnchanged(personField(duty, "email"), project, person.email()));
            }
            gen.writeEndObject();
        }
    }

    /** A person from its members, the contacts decrypted (an encrypted one without a cipher cannot be read). */
    private static final class PersonDeserializer
            extends com.fasterxml.jackson.databind.deser.std.StdDeserializer<Person> {
        PersonDeserializer() {
            super(Person.class);
        }

        @Override
        public Person deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String duty = duty(p.currentName());
            JsonNode node = p.readValueAsTree();
            if (node == null || !node.isObject()) {
                return (Person) ctxt.handleUnexpectedToken(Person.class, p);
            }
            FieldCipher cipher = (FieldCipher) ctxt.getAttribute(CIPHER);
            String project = (String) ctxt.getAttribute(PROJECT);
            String mobile = text(node, "mobile");
            String email = text(node, "email");
            if (cipher != null) {
                mobile = cipher.decrypt(personField(duty, "mobile"), project, mobile);
                email = cipher.decrypt(personField(duty, "email"), project, email);
            } else if (FieldCipher.isEncrypted(mobile) || FieldCipher.isEncrypted(email)) {
                throw new IllegalStateException("the document of project " + project
                        + " holds encrypted contacts and was read without the data key");
            }
            try {
                return new Person(text(node, "name"), mobile, email);
            } catch (IllegalArgumentException e) {
                // never the value itself: the message of Person names only what is wrong
                return (Person) ctxt.handleWeirdStringValue(Person.class, "(contact)", e.getMessage());
            }
        }

        private static String text(JsonNode node, String member) {
            JsonNode value = node.get(member);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    /**
     * A day as the document writes it, {@code yyyy-MM-dd}, read without the general formatter (a document holds
     * dozens of days); anything else goes to {@link LocalDate#parse}, which also says what is wrong with it.
     */
    static LocalDate day(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    /** The number written in {@code text[from, to)}, or -1 unless every one of them is an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Writes values of {@code type} as JSON strings and reads them back from strings (or, for amounts, numbers). */
    private static <T> void scalar(SimpleModule module, Class<T> type, Function<T, String> toText,
                                   Function<String, T> fromText) {
        module.addSerializer(type, new StdScalarSerializer<T>(type) {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(toText.apply(value));
            }
        });
        module.addDeserializer(type, new StdScalarDeserializer<T>(type) {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                if (text == null) {
                    return type.cast(ctxt.handleUnexpectedToken(type, p));
                }
                try {
                    return fromText.apply(text);
                } catch (RuntimeException e) {
                    return type.cast(ctxt.handleWeirdStringValue(type, text, e.getMessage()));
                }
            }
        });
    }
}
