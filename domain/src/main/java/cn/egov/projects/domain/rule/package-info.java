/**
 * The rules of the measures as named codes ({@link cn.egov.projects.domain.rule.RuleCode}) and the decision
 * values ({@link cn.egov.projects.domain.rule.Violation}, {@link cn.egov.projects.domain.rule.Outcome})
 * that domain operations return instead of throwing.
 */
package cn.egov.projects.domain.rule;
