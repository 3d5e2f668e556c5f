package cn.egov.projects.application.account;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.fake.People;
import cn.egov.projects.application.port.in.CreateUnitCommand;
import cn.egov.projects.application.view.Unit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitServiceTest {

    private final FakeWorld world = new FakeWorld(LocalDate.of(2025, 1, 2));

    @Test
    @DisplayName("系统管理员新增单位，代码不能重复，其他角色不能新增")
    void theAdministratorKeepsTheUnits() {
        world.unitService.createUnit(People.admin(), new CreateUnitCommand("TC-GAJ", "太仓市公安局", Unit.Kind.IMPLEMENTING));
        world.unitService.createUnit(People.admin(), new CreateUnitCommand("TC-DSJ", "太仓市大数据管理局", Unit.Kind.AUTHORITY));

        assertThat(world.unitService.listUnits(People.policeStaff())).extracting(u -> u.id().code())
                .containsExactly("TC-DSJ", "TC-GAJ");
        assertThatThrownBy(() -> world.unitService.createUnit(People.admin(),
                new CreateUnitCommand("TC-GAJ", "重复", Unit.Kind.IMPLEMENTING)))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.field()).isEqualTo("code"));
        assertThatThrownBy(() -> world.unitService.createUnit(People.bureau(),
                new CreateUnitCommand("TC-X", "某单位", Unit.Kind.IMPLEMENTING))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> new CreateUnitCommand("太仓 公安", "x", Unit.Kind.IMPLEMENTING))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.field()).isEqualTo("code"));
        assertThat(world.audit.all()).hasSize(2);
    }
}
