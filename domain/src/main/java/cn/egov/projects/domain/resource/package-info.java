/**
 * The information-resource catalogue (资源目录) of each project, which its unit keeps while the project runs (Art. 6,
 * 23), the check of a project against the projects and resources that look like it, and the Bureau's opinion on
 * reuse and duplicate construction (Art. 1: 实现资源共享，避免重复建设; Art. 6).
 */
package cn.egov.projects.domain.resource;
