package cn.egov.projects.application.service;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.port.out.DeadLetterPort;
import cn.egov.projects.application.view.DeadLetter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.egov.projects.application.fake.People.admin;
import static cn.egov.projects.application.fake.People.bureau;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterServiceTest {

    private final FakeWorld world = new FakeWorld(LocalDate.of(2025, 10, 9));
    private final List<Long> retried = new ArrayList<>();
    private final DeadLetter letter = new DeadLetter(7, "EMAIL", "x@tc.gov.cn", LocalDate.of(2025, 10, 9), 2, 5,
            "550 mailbox unavailable", Instant.parse("2025-10-09T01:00:00Z"), null, null);
    private final DeadLetterPort port = new DeadLetterPort() {
        @Override
        public List<DeadLetter> list(int limit) {
            return List.of(letter);
        }

        @Override
        public boolean retry(long id, String retriedBy) {
            if (id != 7 || retried.contains(id)) {
                return false;
            }
            retried.add(id);
            return true;
        }
    };
    private final DeadLetterService service = new DeadLetterService(port, world.audit, world.clock,
            world.transactions, world.ports.policies());

    @Test
    @DisplayName("系统管理员查看发送失败的提醒并重新发送，留有操作记录")
    void adminListsAndRetries() {
        assertThat(service.listDeadLetters(admin(), 50)).containsExactly(letter);
        service.retryDeadLetter(admin(), 7);
        assertThat(retried).containsExactly(7L);
        assertThat(world.audit.all()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("MANAGE_DEAD_LETTERS");
            assertThat(r.summary()).contains("7");
        });
        assertThatThrownBy(() -> service.retryDeadLetter(admin(), 7)).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("其他角色不能查看或重发")
    void othersAreRefused() {
        assertThatThrownBy(() -> service.listDeadLetters(bureau(), 50)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.retryDeadLetter(bureau(), 7)).isInstanceOf(ForbiddenException.class);
        assertThat(retried).isEmpty();
    }
}
