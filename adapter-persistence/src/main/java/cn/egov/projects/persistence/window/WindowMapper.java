package cn.egov.projects.persistence.window;

import cn.egov.projects.domain.declaration.DeclarationWindow;
import org.mapstruct.Mapper;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/** Declaration windows to and from their rows. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface WindowMapper {

    WindowMapper INSTANCE = Mappers.getMapper(WindowMapper.class);

    WindowRow toRow(DeclarationWindow window);

    DeclarationWindow toWindow(WindowRow row);
}
