/**
 * Who may call which route, decided in one place and denied by default: every route is registered with its rule in
 * {@link cn.egov.projects.web.access.RouteTable}, and {@link cn.egov.projects.web.access.Guard} refuses a request
 * that matches no registered route or whose caller the rule does not admit. The use cases decide again, with the
 * project's scope (RULES.md §1).
 */
package cn.egov.projects.web.access;
