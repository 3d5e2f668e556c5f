package cn.egov.projects.persistence.audit;

import cn.egov.projects.application.port.out.AuditRecord;
import org.mapstruct.Mapper;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/** Audit records to and from their rows. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface AuditMapper {

    AuditMapper INSTANCE = Mappers.getMapper(AuditMapper.class);

    AuditRow toRow(AuditRecord record);

    AuditRecord toRecord(AuditRow row);
}
