package cn.egov.projects.domain.project;

/**
 * What an off-window project needs (Art. 10): the national, provincial or municipal requirement that makes it
 * necessary this year, and its feasibility study.
 */
public record Supplementary(String requirement, String feasibilityStudy) {
}
