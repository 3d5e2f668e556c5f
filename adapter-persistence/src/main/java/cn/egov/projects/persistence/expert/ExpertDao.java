package cn.egov.projects.persistence.expert;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.util.List;
import java.util.UUID;

/** The MyBatis mapper of the expert pool and the draws (db/migration/common/V23). */
public interface ExpertDao {

    @Select("SELECT id, user_id, active, document FROM expert ORDER BY id")
    List<ExpertRow> all();

    @Select("SELECT id, user_id, active, document FROM expert WHERE id = #{id}")
    ExpertRow find(@Param("id") String id);

    @Select("SELECT id, user_id, active, document FROM expert WHERE user_id = #{userId}")
    ExpertRow findByUser(@Param("userId") String userId);

    @Insert("INSERT INTO expert (id, user_id, active, document) VALUES (#{id}, #{userId}, #{active}, #{document})")
    void insert(ExpertRow row);

    @Update("UPDATE expert SET user_id = #{userId}, active = #{active}, document = #{document} WHERE id = #{id}")
    int update(ExpertRow row);

    @Insert("INSERT INTO expert_draw (id, project_id, purpose, drawn_at, is_open, version, document)"
            + " VALUES (#{id}, #{projectId}, #{purpose}, #{drawnAt}, #{isOpen}, #{version}, #{document})")
    void insertDraw(DrawRow row);

    @Update("UPDATE expert_draw SET is_open = #{row.isOpen}, version = #{row.version}, document = #{row.document}"
            + " WHERE id = #{row.id} AND version = #{expected}")
    int updateDraw(@Param("row") DrawRow row, @Param("expected") long expected);

    @Select("SELECT id, project_id, purpose, drawn_at, is_open, version, document FROM expert_draw WHERE id = #{id}")
    DrawRow findDraw(@Param("id") String id);

    @Select("SELECT id, project_id, purpose, drawn_at, is_open, version, document FROM expert_draw"
            + " WHERE project_id = #{projectId} ORDER BY drawn_at, id")
    List<DrawRow> forProject(@Param("projectId") UUID projectId);

    @Select("SELECT id, project_id, purpose, drawn_at, is_open, version, document FROM expert_draw"
            + " WHERE is_open = TRUE ORDER BY drawn_at, id")
    List<DrawRow> open();
}
