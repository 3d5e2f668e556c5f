package cn.egov.projects.persistence.document;

import cn.egov.projects.application.view.StoredDocument;
import cn.egov.projects.domain.project.ProjectId;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

import java.util.UUID;

/** Documents to and from their rows. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface DocumentMapper {

    DocumentMapper INSTANCE = Mappers.getMapper(DocumentMapper.class);

    @Mapping(target = "projectId", source = "project")
    DocumentRow toRow(StoredDocument document);

    @Mapping(target = "project", source = "projectId")
    StoredDocument toDocument(DocumentRow row);

    default UUID uuid(ProjectId id) {
        return id == null ? null : id.value();
    }

    default ProjectId projectId(UUID id) {
        return id == null ? null : new ProjectId(id);
    }
}
