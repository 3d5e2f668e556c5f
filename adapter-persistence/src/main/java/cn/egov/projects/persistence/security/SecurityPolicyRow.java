package cn.egov.projects.persistence.security;

/** A row of {@code security_policy}: a setting's name and value. */
public record SecurityPolicyRow(String name, String setting) {
}
