/**
 * How a project aggregate is stored: the {@code project} row with the profile's and the lifecycle's scalars, and
 * one child table per list or optional part of {@link cn.egov.projects.domain.project.Project.Snapshot}, each row
 * a {@code …Row} record; {@link cn.egov.projects.persistence.project.ProjectDao} is the MyBatis mapper and
 * {@link cn.egov.projects.persistence.project.ProjectRows} turns a snapshot into rows and back.
 */
package cn.egov.projects.persistence.project;
