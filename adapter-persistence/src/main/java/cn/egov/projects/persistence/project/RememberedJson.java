package cn.egov.projects.persistence.project;

import cn.egov.projects.domain.project.Project;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The JSON of the records inside a project's document, remembered by the very record it was written from, so that the
 * next save of the project copies the JSON of every record it did not change instead of writing it again.
 *
 * <p>A save writes the whole document, yet a step changes one or two of its records (a new opinion, a deadline met):
 * the rest are the same objects the project was loaded with (the domain's records are immutable, and a project
 * restored from a snapshot keeps them; the adapter hands out the snapshot it last wrote or read while the stored
 * document is still that one). Writing the documents was some sixth of the CPU of a lifecycle on the embedded
 * database. A record's JSON is taken from the document it was first written into ({@link DocumentBuffer}), so
 * nothing is written twice to be remembered.
 *
 * <p>Safe because the records are values that cannot change once made: every component is itself immutable (text,
 * days, amounts, enums, records, unmodifiable lists — {@code ProjectDocumentRecordsTest} walks a whole life's
 * snapshot to hold the domain to that). The JSON is remembered with what else it was written with — the cipher and the
 * project its people's contacts were encrypted for — and used again only for the same. Memory is bounded: a fixed
 * table of {@value #SLOTS} places by the record's identity, a newer record taking the place of an older one.
 */
final class RememberedJson extends BeanSerializerModifier {

    /** How many records' JSON is kept at most. */
    static final int SLOTS = 1 << 13;

    /** The JSON of the records in the documents {@link ProjectDocuments} writes. */
    static final RememberedJson REMEMBERED = new RememberedJson(ProjectDocuments.CIPHER, ProjectDocuments.PROJECT,
            Project.Snapshot.class);

    private final String cipherAttribute;
    private final String projectAttribute;
    private final Class<?> notRemembered;
    private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<>(SLOTS);

    /** @param notRemembered the type whose JSON is never kept (the snapshot itself: it changes with every save) */
    RememberedJson(String cipherAttribute, String projectAttribute, Class<?> notRemembered) {
        this.cipherAttribute = Objects.requireNonNull(cipherAttribute, "cipherAttribute");
        this.projectAttribute = Objects.requireNonNull(projectAttribute, "projectAttribute");
        this.notRemembered = Objects.requireNonNull(notRemembered, "notRemembered");
    }

    private record Entry(Object record, Object cipher, Object project, Raw json) {
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                                              JsonSerializer<?> serializer) {
        // Jackson's own serializers of records only: a custom one (a person's) may write by where it is written
        Class<?> type = description.getBeanClass();
        return type.isRecord() && type != notRemembered && serializer instanceof BeanSerializerBase
                ? new Remembering((JsonSerializer<Object>) serializer) : serializer;
    }

    private int slot(Object record) {
        return System.identityHashCode(record) & (SLOTS - 1);
    }

    /** The JSON remembered for this very record written with this cipher for this project; null when none is. */
    Raw remembered(Object record, Object cipher, Object project) {
        Entry e = slots.get(slot(record));
        return e != null && e.record() == record && e.cipher() == cipher && Objects.equals(e.project(), project)
                ? e.json() : null;
    }

    private void remember(Object record, Object cipher, Object project, Raw json) {
        slots.set(slot(record), new Entry(record, cipher, project, json));
    }

    /** A record's serializer that writes what is remembered of it, or writes it and remembers that. */
    private final class Remembering extends JsonSerializer<Object> implements ContextualSerializer,
            ResolvableSerializer {

        private final JsonSerializer<Object> serializer;

        Remembering(JsonSerializer<Object> serializer) {
            this.serializer = serializer;
        }

        /**
         * Writes the JSON remembered of this record, or writes the record into the document and remembers the bytes
         * it took there (only into a {@link DocumentBuffer}: elsewhere the record is written as it is).
         */
        @Override
        public void serialize(Object record, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (!(gen.getOutputTarget() instanceof DocumentBuffer document)) {
                serializer.serialize(record, gen, provider);
                return;
            }
            Object cipher = provider.getAttribute(cipherAttribute);
            Object project = provider.getAttribute(projectAttribute);
            Raw json = remembered(record, cipher, project);
            if (json != null) {
                gen.writeRawValue(json);
                return;
            }
            if (!document.remembering()) {
                serializer.serialize(record, gen, provider);
                return;
            }
            gen.flush();
            int start = document.size();
            serializer.serialize(record, gen, provider);
            gen.flush();
            byte[] written = document.copyFrom(start);
            // an element after the first in a list comes after its comma: the record's JSON is from its brace on
            int brace = 0;
            while (brace < written.length && written[brace] != '{') {
                brace++;
            }
            if (brace < written.length) {
                remember(record, cipher, project, new Raw(brace == 0 ? written
                        : Arrays.copyOfRange(written, brace, written.length)));
            }
        }

        @Override
        public void serializeWithType(Object record, JsonGenerator gen, SerializerProvider provider,
                                      TypeSerializer typeSerializer) throws IOException {
            serializer.serializeWithType(record, gen, provider, typeSerializer);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Object record) {
            return serializer.isEmpty(provider, record);
        }

        @Override
        public Class<Object> handledType() {
            return serializer.handledType();
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (serializer instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            if (!(serializer instanceof ContextualSerializer contextual)) {
                return this;
            }
            JsonSerializer<?> made = contextual.createContextual(provider, property);
            return made == serializer ? this : new Remembering((JsonSerializer<Object>) made);
        }
    }

    /** JSON already written, as its UTF-8 bytes: copied into the document as it is. */
    static final class Raw implements SerializableString {

        private final byte[] utf8;

        Raw(byte[] utf8) {
            this.utf8 = utf8;
        }

        @Override
        public String getValue() {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            return JsonStringEncoder.getInstance().quoteAsString(getValue());
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return utf8.clone();
        }

        @Override
        public byte[] asQuotedUTF8() {
            return JsonStringEncoder.getInstance().quoteAsUTF8(getValue());
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            return copy(asQuotedUTF8(), buffer, offset);
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            return copy(asQuotedChars(), buffer, offset);
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            return copy(utf8, buffer, offset);
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            return copy(getValue().toCharArray(), buffer, offset);
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) throws IOException {
            byte[] quoted = asQuotedUTF8();
            out.write(quoted);
            return quoted.length;
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(utf8);
            return utf8.length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            return put(asQuotedUTF8(), buffer);
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            return put(utf8, buffer);
        }

        private static int copy(byte[] from, byte[] buffer, int offset) {
            if (offset + from.length > buffer.length) {
                return -1;
            }
            System.arraycopy(from, 0, buffer, offset, from.length);
            return from.length;
        }

        private static int copy(char[] from, char[] buffer, int offset) {
            if (offset + from.length > buffer.length) {
                return -1;
            }
            System.arraycopy(from, 0, buffer, offset, from.length);
            return from.length;
        }

        private static int put(byte[] from, ByteBuffer buffer) {
            if (from.length > buffer.remaining()) {
                return -1;
            }
            buffer.put(from);
            return from.length;
        }

        @Override
        public String toString() {
            return getValue();
        }
    }
}
