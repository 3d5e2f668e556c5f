package cn.egov.projects.persistence.document;

import org.apache.ibatis.annotations.Param;

import java.util.List;
import java.util.UUID;

/** The MyBatis mapper of documents ({@code DocumentDao.xml}). */
public interface DocumentDao {

    void insert(DocumentRow row);

    DocumentRow find(@Param("id") UUID id);

    /** A project's documents without their content, oldest first. */
    List<DocumentRow> listFor(@Param("projectId") UUID projectId);
}
