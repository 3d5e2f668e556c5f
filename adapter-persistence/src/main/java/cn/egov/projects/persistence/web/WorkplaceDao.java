package cn.egov.projects.persistence.web;

import cn.egov.projects.persistence.deadline.DueDeadlineRow;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The MyBatis mapper of the working place's reads ({@code WorkplaceDao.xml}). */
public interface WorkplaceDao {

    List<DueDeadlineRow> openDeadlines(@Param("scopeUnit") String scopeUnit,
                                          @Param("allClassified") boolean allClassified,
                                          @Param("classifiedAllowed") Collection<UUID> classifiedAllowed,
                                          @Param("onlyThese") Collection<UUID> onlyThese,
                                          @Param("kinds") Collection<String> kinds,
                                          @Param("dueOnOrBefore") LocalDate dueOnOrBefore,
                                          @Param("limit") int limit);

    List<ComplianceRow> compliance(@Param("today") LocalDate today, @Param("scopeUnit") String scopeUnit,
                                   @Param("allClassified") boolean allClassified,
                                   @Param("classifiedAllowed") Collection<UUID> classifiedAllowed,
                                   @Param("onlyThese") Collection<UUID> onlyThese);

    List<AuditEntryRow> searchAudit(@Param("userId") String userId, @Param("action") String action,
                                    @Param("projectId") String projectId, @Param("from") Instant from,
                                    @Param("to") Instant to, @Param("scopeUnit") String scopeUnit,
                                    @Param("allClassified") boolean allClassified,
                                    @Param("classifiedAllowed") Collection<UUID> classifiedAllowed,
                                    @Param("onlyThese") Collection<UUID> onlyThese,
                                    @Param("securityTrail") boolean securityTrail, @Param("limit") int limit,
                                    @Param("offset") long offset);

    long countAudit(@Param("userId") String userId, @Param("action") String action,
                    @Param("projectId") String projectId, @Param("from") Instant from, @Param("to") Instant to,
                    @Param("scopeUnit") String scopeUnit, @Param("allClassified") boolean allClassified,
                    @Param("classifiedAllowed") Collection<UUID> classifiedAllowed,
                    @Param("onlyThese") Collection<UUID> onlyThese, @Param("securityTrail") boolean securityTrail);

    List<AuditEntryRow> auditForProject(@Param("projectId") String projectId, @Param("limit") int limit);

    /** Projects in the scope per {@code column} (state, category or plan_year), with their total investment. */
    List<TallyRow> projectTallies(@Param("column") String column, @Param("scopeUnit") String scopeUnit,
                                  @Param("allClassified") boolean allClassified,
                                  @Param("classifiedAllowed") Collection<UUID> classifiedAllowed,
                                  @Param("onlyThese") Collection<UUID> onlyThese);

    /** Deadlines of the scope's projects met, or open past their day, per unit and year of the due day. */
    List<UnitYearRow> deadlinesByUnitYear(@Param("today") LocalDate today, @Param("scopeUnit") String scopeUnit,
                                          @Param("allClassified") boolean allClassified,
                                          @Param("classifiedAllowed") Collection<UUID> classifiedAllowed,
                                          @Param("onlyThese") Collection<UUID> onlyThese);

    /** Deadlines of the scope's projects open past their day, per kind. */
    List<TallyRow> overdueByKind(@Param("today") LocalDate today, @Param("scopeUnit") String scopeUnit,
                                 @Param("allClassified") boolean allClassified,
                                 @Param("classifiedAllowed") Collection<UUID> classifiedAllowed,
                                 @Param("onlyThese") Collection<UUID> onlyThese);

    /** The display names of these accounts (those that exist and have one). */
    List<NameRow> displayNames(@Param("userIds") Collection<String> userIds);

    /** Every unit's full name. */
    List<NameRow> unitNames();
}
