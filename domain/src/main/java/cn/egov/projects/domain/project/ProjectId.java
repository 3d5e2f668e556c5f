package cn.egov.projects.domain.project;

import java.util.Objects;
import java.util.UUID;

/** A project's identity: a random UUID, so that an identifier reveals nothing about other projects. */
public record ProjectId(UUID value) {

    public ProjectId {
        Objects.requireNonNull(value, "value");
    }

    public static ProjectId random() {
        return new ProjectId(UUID.randomUUID());
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
