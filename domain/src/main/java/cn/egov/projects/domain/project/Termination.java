package cn.egov.projects.domain.project;

import cn.egov.projects.domain.money.Money;

import java.time.LocalDate;

/**
 * The Bureau's termination of a project (Art. 17), with the notice (通报) it records, and Finance's recovery of the
 * funds once done.
 */
public record Termination(LocalDate on, String reason, String notice, LocalDate fundsRecoveredOn,
                          Money fundsRecovered) {

    public Termination recovered(LocalDate day, Money amount) {
        return new Termination(on, reason, notice, day, amount);
    }
}
