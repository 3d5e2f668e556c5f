package cn.egov.projects.web.access;

import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Role;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The access rule of one route: open to anybody, to anybody signed in, or to the signed-in people of some roles.
 * Roles are a first gate; the use case still decides scope (own unit, classified projects).
 */
public record Rule(Kind kind, Set<Role> roles, String purposeZh) {

    /** The three kinds of rule. */
    public enum Kind { PUBLIC, SIGNED_IN, ROLES }

    public Rule(Kind kind, Set<Role> roles) {
        this(kind, roles, null);
    }

    public Rule {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (kind == Kind.ROLES && roles.isEmpty()) {
            throw new IllegalArgumentException("a role rule needs roles");
        }
    }

    public static Rule open() {
        return new Rule(Kind.PUBLIC, Set.of());
    }

    public static Rule signedIn() {
        return new Rule(Kind.SIGNED_IN, Set.of());
    }

    public static Rule roles(Set<Role> roles) {
        return new Rule(Kind.ROLES, roles);
    }

    /** The roles of a staff action (RULES.md §1), named in a refusal. */
    public static Rule of(Action action) {
        return new Rule(Kind.ROLES, action.roles(), action.zh());
    }

    public static Rule roles(Role first, Role... more) {
        return roles(EnumSet.of(first, more));
    }

    public boolean admits(Role role) {
        return switch (kind) {
            case PUBLIC, SIGNED_IN -> true;
            case ROLES -> roles.contains(role);
        };
    }

    /** How the rule is written in the OpenAPI document and in tests, e.g. {@code roles:AUDIT,BDB_OFFICER}. */
    public String describe() {
        return switch (kind) {
            case PUBLIC -> "public";
            case SIGNED_IN -> "signed-in";
            case ROLES -> "roles:" + roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        };
    }
}
