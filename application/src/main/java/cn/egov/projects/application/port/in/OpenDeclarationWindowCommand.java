package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;

import java.time.LocalDate;

/** The Bureau opens the yearly declaration window for a plan year (Art. 7). */
public record OpenDeclarationWindowCommand(int planYear, LocalDate opensOn, LocalDate closesOn) {

    public OpenDeclarationWindowCommand {
        if (planYear < 2000 || planYear > 2100) {
            throw new InvalidCommandException("planYear", "计划年度不正确");
        }
        opensOn = Check.date(opensOn, "opensOn", "申报开始日期");
        closesOn = Check.date(closesOn, "closesOn", "申报截止日期");
        if (closesOn.isBefore(opensOn)) {
            throw new InvalidCommandException("closesOn", "申报截止日期不能早于开始日期");
        }
    }
}
