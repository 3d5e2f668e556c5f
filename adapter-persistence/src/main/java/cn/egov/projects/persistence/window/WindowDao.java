package cn.egov.projects.persistence.window;

import org.apache.ibatis.annotations.Param;

/** The MyBatis mapper of declaration windows ({@code WindowDao.xml}). */
public interface WindowDao {

    WindowRow find(@Param("planYear") int planYear);

    int update(WindowRow row);

    void insert(WindowRow row);
}
