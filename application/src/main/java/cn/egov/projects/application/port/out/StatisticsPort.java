package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.Statistics;

import java.time.LocalDate;

/** Counts the figures of {@link Statistics} in the database, within a person's scope. */
public interface StatisticsPort {

    Statistics count(LocalDate today, ProjectListScope scope);
}
