package cn.egov.projects.persistence.web;

/** An identifier (a user id or a unit code) and the name people read for it. */
public record NameRow(String id, String name) {
}
