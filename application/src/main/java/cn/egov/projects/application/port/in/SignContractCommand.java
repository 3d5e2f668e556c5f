package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.ProjectId;

import java.time.LocalDate;

/** The unit records a signed contract (Art. 14). */
public record SignContractCommand(ProjectId projectId, Long expectedVersion, String number, String supplier, Money amount, LocalDate signedOn, LocalDate warrantyEnd) implements ProjectCommand {

    public SignContractCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        number = Check.text(number, "number", "合同编号", 100);
        supplier = Check.text(supplier, "supplier", "供应商", 200);
        amount = Check.money(amount, "amount", "合同金额");
        signedOn = Check.date(signedOn, "signedOn", "签订日期");
        if (warrantyEnd != null && !warrantyEnd.isAfter(signedOn)) {
            throw new InvalidCommandException("warrantyEnd", "免费维保期截止日期应晚于合同签订日期");
        }
    }
}
