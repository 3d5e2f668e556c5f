package cn.egov.projects.persistence;

import cn.egov.projects.domain.expert.DrawPurpose;
import cn.egov.projects.domain.expert.DrawRequest;
import cn.egov.projects.domain.expert.DrawSubject;
import cn.egov.projects.domain.expert.Expert;
import cn.egov.projects.domain.expert.ExpertDraw;
import cn.egov.projects.domain.expert.ExpertField;
import cn.egov.projects.domain.expert.Vendor;
import cn.egov.projects.domain.expert.Verdict;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of {@code ExpertPoolPort} and {@code ExpertDrawPort}: the pool and the draws, replayable as stored. */
abstract class ExpertContractTest extends PersistenceContractTest {

    private static final Instant AT = Instant.parse("2024-10-10T02:03:04.123456789Z");

    private static Expert expert(String name, UnitId employerUnit) {
        String id = UUID.randomUUID().toString();
        return new Expert(id, "u-" + id, name, List.of(ExpertField.NETWORK_SECURITY, ExpertField.SOFTWARE_DEVELOPMENT),
                "苏州大学（计算机学院）", employerUnit,
                List.of(new Expert.UnitRelation(new UnitId("TC-GAJ"), "三年内曾任职")),
                List.of(new Expert.VendorRelation(new Vendor("苏州云智科技有限公司", "91320585MA1XXXXX0A"), "顾问")), true);
    }

    @Test
    @DisplayName("专家按编号和账号读回，所有字段（领域、工作单位、关联单位和企业）不变；同一账号不能两次入库；修改后读回新内容")
    void expertsRoundTrip() {
        Expert e = expert("张专家", new UnitId("TC-WJW"));
        adapters.experts().insert(e);
        assertThat(adapters.experts().find(e.id())).contains(e);
        assertThat(adapters.experts().findByUser(e.userId())).contains(e);
        assertThat(adapters.experts().all()).contains(e);

        Expert sameAccount = new Expert(UUID.randomUUID().toString(), e.userId(), "重复", e.fields(), "", null,
                List.of(), List.of(), true);
        assertThatThrownBy(() -> adapters.experts().insert(sameAccount)).isInstanceOf(IllegalStateException.class);

        Expert changed = new Expert(e.id(), e.userId(), "张专家", List.of(ExpertField.CRYPTOGRAPHY), "", null,
                List.of(), List.of(), false);
        assertThat(adapters.experts().update(changed)).isTrue();
        assertThat(adapters.experts().find(e.id())).contains(changed);
        assertThat(adapters.experts().update(expert("无此人", null))).isFalse();
        assertThat(adapters.experts().find("nobody")).isEmpty();
    }

    @Test
    @DisplayName("抽取记录原样读回并可重放；按版本更新，旧版本的更新不生效；评审结束后不再列为进行中")
    void drawsRoundTripAndReplay() {
        List<Expert> pool = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pool.add(expert("专家" + i, null));
        }
        pool.add(expert("本单位", new UnitId("TC-FGW")));
        ProjectId project = ProjectId.random();
        DrawSubject subject = new DrawSubject(project, new UnitId("TC-FGW"), List.of(Vendor.named("投标人甲")),
                List.of(new DrawSubject.Unavailable(pool.get(0).id(), "已谢绝本项目的抽取")));
        ExpertDraw draw = ExpertDraw.make(UUID.randomUUID().toString(), DrawPurpose.REVIEW, subject,
                new DrawRequest(List.of(ExpertField.SOFTWARE_DEVELOPMENT), 2, 2),
                "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", pool, "bdb", "王局", AT);
        adapters.experts().insert(draw);

        ExpertDraw stored = adapters.experts().findDraw(draw.id()).orElseThrow();
        assertThat(stored).isEqualTo(draw);
        assertThat(stored.replays()).isTrue();
        assertThat(stored.result().exclusions()).hasSize(2);
        assertThat(adapters.experts().forProject(project)).containsExactly(draw);
        assertThat(adapters.experts().open()).contains(draw);

        String first = draw.seats().get(0).userId();
        ExpertDraw signed = draw.declare(first, AT);
        assertThat(adapters.experts().update(signed)).isTrue();
        ExpertDraw declared = signed.recordOpinion(first,
                new ExpertDraw.Opinion(Verdict.AGREE_WITH_CHANGES, 88, "补充等保测评方案", AT));
        assertThat(adapters.experts().update(declared)).isTrue();
        ExpertDraw declined = draw.decline(draw.seats().get(1).userId(), "出差", AT);
        assertThat(adapters.experts().update(declined)).as("written over a stale version").isFalse();
        assertThat(adapters.experts().findDraw(draw.id())).contains(declared);

        ExpertDraw closed = declared.close(AT);
        assertThat(adapters.experts().update(closed)).isTrue();
        assertThat(adapters.experts().findDraw(draw.id())).contains(closed);
        assertThat(adapters.experts().open()).noneMatch(d -> d.id().equals(draw.id()));
        assertThat(adapters.experts().findDraw("none")).isEmpty();
    }

    @Test
    @DisplayName("第23版迁移建立专家库和抽取记录表，用途只能是评审或验收")
    void schemaChecksThePurpose() {
        assertThat(queryLong("SELECT COUNT(*) FROM expert_draw WHERE purpose NOT IN ('REVIEW', 'ACCEPTANCE')"))
                .isZero();
        assertThat(database.schemaVersion()).isEqualTo(Migrations.latest(testDatabase.isPostgreSql()))
                .isEqualTo(Database.LATEST_SCHEMA_VERSION);
    }
}
