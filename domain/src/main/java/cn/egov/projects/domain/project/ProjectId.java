package cn.egov.projects.domain.project;

import cn.egov.projects.domain.TimeOrderedIds;

import java.util.Objects;
import java.util.UUID;

/**
 * A project's identity: a {@link TimeOrderedIds time-ordered} UUID, which reveals the moment the project was made and
 * nothing about other projects, and cannot be guessed.
 */
public record ProjectId(UUID value) {

    public ProjectId {
        Objects.requireNonNull(value, "value");
    }

    /** A new project's identity ({@link TimeOrderedIds#next}). */
    public static ProjectId random() {
        return new ProjectId(TimeOrderedIds.next());
    }

    /**
     * The part of the number people quote — a classified project's alias in messages (Art. 27), the audit views — eight
     * hex digits that tell one project from another: the last eight of a time-ordered number (its first ones are the
     * moment it was made, which the projects of the same minute share), the first eight of a random one (the projects
     * made before time-ordered numbers keep what they were called).
     */
    public String shortNumber() {
        String text = value.toString();
        return value.version() == 7 ? text.substring(text.length() - 8) : text.substring(0, 8);
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    public static ProjectId parse(String text) {
        try {
            return new ProjectId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("项目编号格式不正确", e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
