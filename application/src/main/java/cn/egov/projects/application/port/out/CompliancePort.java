package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.UnitCompliance;

import java.time.LocalDate;
import java.util.List;

/** The compliance figures of every unit that has projects, counted on a day (RULES.md §5), by unit code. */
public interface CompliancePort {

    List<UnitCompliance> byUnit(LocalDate today);
}
