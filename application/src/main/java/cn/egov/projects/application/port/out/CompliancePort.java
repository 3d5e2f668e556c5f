package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.UnitCompliance;

import java.time.LocalDate;
import java.util.List;

/**
 * The compliance figures of every unit that has projects in a person's scope, counted on a day (RULES.md §5), by
 * unit code: a classified project outside the person's 知悉范围 is not counted (Art. 27), so that no figure tells of it.
 */
public interface CompliancePort {

    List<UnitCompliance> byUnit(LocalDate today, ProjectListScope scope);
}
