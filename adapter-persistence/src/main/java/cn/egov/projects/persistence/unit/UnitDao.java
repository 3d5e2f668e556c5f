package cn.egov.projects.persistence.unit;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/** The MyBatis mapper of units ({@code UnitDao.xml}). */
public interface UnitDao {

    UnitRow find(@Param("code") String code);

    void insert(UnitRow row);

    /** Every unit, by code. */
    List<UnitRow> all();
}
