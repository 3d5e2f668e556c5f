package cn.egov.projects.persistence;

import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of {@code UnitPort}: units stored by code, a code taken twice refused, all of them by code. */
abstract class UnitContractTest extends PersistenceContractTest {

    private static String prefix() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    @DisplayName("新增的单位按代码读回，名称和类别原样保存")
    void insertedUnitIsFoundByCode() {
        Unit unit = new Unit(new UnitId(prefix() + "-GAJ"), "太仓市公安局（𠀀测试）", Unit.Kind.IMPLEMENTING);
        adapters.units().insert(unit);
        assertThat(adapters.units().find(unit.id())).contains(unit);
    }

    @Test
    @DisplayName("读取不存在的单位得到空结果")
    void unknownUnitIsNotFound() {
        assertThat(adapters.units().find(new UnitId(prefix()))).isEmpty();
    }

    @Test
    @DisplayName("同一单位代码不能新增两次，已有的单位保持不变")
    void duplicateCodeIsRefused() {
        UnitId id = new UnitId(prefix() + "-DSJ");
        Unit first = new Unit(id, "太仓市大数据管理局", Unit.Kind.AUTHORITY);
        adapters.units().insert(first);
        assertThatThrownBy(() -> adapters.units().insert(new Unit(id, "另一个名称", Unit.Kind.IMPLEMENTING)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(id.code());
        assertThat(adapters.units().find(id)).contains(first);
    }

    @Test
    @DisplayName("列出全部单位时按单位代码排序")
    void allUnitsAreOrderedByCode() {
        String p = prefix();
        Unit c = new Unit(new UnitId(p + "-C"), "丙单位", Unit.Kind.IMPLEMENTING);
        Unit a = new Unit(new UnitId(p + "-A"), "甲单位", Unit.Kind.AUTHORITY);
        Unit b = new Unit(new UnitId(p + "-B"), "乙单位", Unit.Kind.IMPLEMENTING);
        adapters.units().insert(c);
        adapters.units().insert(a);
        adapters.units().insert(b);

        List<Unit> all = adapters.units().all();
        assertThat(all).extracting(u -> u.id().code()).isSorted();
        assertThat(all.stream().filter(u -> u.id().code().startsWith(p)).toList()).containsExactly(a, b, c);
    }

    @Test
    @DisplayName("事务回滚时新增的单位一并撤销")
    void insertRollsBackWithTheTransaction() {
        Unit unit = new Unit(new UnitId(prefix()), "回滚单位", Unit.Kind.IMPLEMENTING);
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> adapters.transactions().inTransaction(() -> {
            adapters.units().insert(unit);
            assertThat(adapters.units().find(unit.id())).contains(unit);
            throw boom;
        })).isSameAs(boom);
        assertThat(adapters.units().find(unit.id())).isEmpty();
    }
}
