/**
 * The project aggregate and the records of its life: declaration, reviews, funding, plan, implementation plan,
 * procurement, contracts, progress, changes, reports, trial run, self-inspection, acceptance, final accounts.
 */
package cn.egov.projects.domain.project;
