package cn.egov.projects.persistence.resource;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.ResultHandler;

import java.util.List;
import java.util.UUID;

/** The MyBatis mapper of resource catalogues, reuse opinions and the similarity corpus ({@code ResourceDao.xml}). */
public interface ResourceDao {

    /** The catalogue's version, or null when the project has none. */
    Long findCatalogueVersion(@Param("projectId") UUID projectId);

    List<ResourceEntryRow> findEntries(@Param("projectId") UUID projectId);

    void insertCatalogue(@Param("projectId") UUID projectId);

    /** @return 1, or 0 when the catalogue is no longer at that version */
    int updateCatalogueVersion(@Param("projectId") UUID projectId, @Param("version") long version);

    void deleteEntries(@Param("projectId") UUID projectId);

    void insertEntries(@Param("rows") List<ResourceEntryRow> rows);

    void insertOpinion(ReuseOpinionRow row);

    void insertSimilar(@Param("rows") List<ReuseSimilarRow> rows);

    /** The project's opinions, the latest first. */
    List<ReuseOpinionRow> findOpinions(@Param("projectId") UUID projectId);

    /** What the project's opinions name, by opinion and in order. */
    List<ReuseSimilarRow> findSimilar(@Param("projectId") UUID projectId);

    /** The scope's projects, the most recently created first. */
    void scanProjects(ScopeCriteria criteria, ResultHandler<CorpusProjectRow> handler);

    /** The resources of the scope's projects, the most recently registered first. */
    void scanResources(ScopeCriteria criteria, ResultHandler<ResourceEntryRow> handler);
}
