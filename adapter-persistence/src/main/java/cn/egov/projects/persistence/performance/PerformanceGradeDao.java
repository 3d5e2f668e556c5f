package cn.egov.projects.persistence.performance;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/** The MyBatis mapper of performance grades ({@code PerformanceGradeDao.xml}). */
public interface PerformanceGradeDao {

    List<PerformanceGradeRow> ofYear(@Param("planYear") int planYear);

    int update(PerformanceGradeRow row);

    void insert(PerformanceGradeRow row);
}
