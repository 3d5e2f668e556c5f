package cn.egov.projects.persistence.account;

import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

import java.util.Set;

/** Accounts to and from their rows; the assigned projects are rows of their own. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface AccountMapper {

    AccountMapper INSTANCE = Mappers.getMapper(AccountMapper.class);

    @BeanMapping(ignoreUnmappedSourceProperties = "assigned")
    AccountRow toRow(Account account);

    Account toAccount(AccountRow row, Set<ProjectId> assigned);

    default String code(UnitId unit) {
        return unit == null ? null : unit.code();
    }

    default UnitId unit(String code) {
        return code == null ? null : new UnitId(code);
    }
}
