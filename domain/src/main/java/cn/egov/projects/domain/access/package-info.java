/** Roles, actions and the central access policy of RULES.md §1 (Art. 3, 4, 27): denied by default. */
package cn.egov.projects.domain.access;
