/**
 * The policy pack (RULES.md §6): every number and wording of a municipality's measures as one value, Taicang's
 * being the default, and the choice of the pack in force on a date (Art. 28).
 */
package cn.egov.projects.domain.policy;
