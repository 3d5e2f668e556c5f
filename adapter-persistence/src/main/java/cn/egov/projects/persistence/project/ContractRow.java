package cn.egov.projects.persistence.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A {@code project_contract} row. */
public record ContractRow(UUID projectId, int seq, String contractNumber, String supplier, BigDecimal amount,
                          LocalDate signedOn, LocalDate warrantyEnd, LocalDate filedOn) {
}
