package cn.egov.projects.application.service;

import cn.egov.projects.application.fake.FixedClock;
import cn.egov.projects.application.fake.InMemoryAuditTrail;
import cn.egov.projects.application.fake.Rollback;
import cn.egov.projects.application.fake.SnapshotTransactions;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.application.port.out.DeliveryPreferencesPort;
import cn.egov.projects.application.port.out.InboxPort;
import cn.egov.projects.application.view.DeliveryPreferences;
import cn.egov.projects.application.view.InboxMessage;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("本人修改提醒方式和免打扰时段记入安全审计：谁、何时、由什么改为什么，不含联系方式；未改变不记录；失败则都不留下")
class MessageCentrePreferencesAuditTest {

    /** The preferences in memory, rolled back with the transaction. */
    private static final class Preferences implements DeliveryPreferencesPort, Rollback {
        private final Map<String, DeliveryPreferences> kept = new HashMap<>();
        private boolean failing;

        @Override
        public synchronized DeliveryPreferences preferences(String userId) {
            return kept.getOrDefault(userId, DeliveryPreferences.DEFAULT);
        }

        @Override
        public synchronized void savePreferences(String userId, DeliveryPreferences p, Instant at) {
            kept.put(userId, p);
        }

        @Override
        public synchronized Runnable checkpoint() {
            Map<String, DeliveryPreferences> saved = new HashMap<>(kept);
            return () -> {
                synchronized (this) {
                    kept.clear();
                    kept.putAll(saved);
                }
            };
        }
    }

    private static final InboxPort NO_INBOX = new InboxPort() {
        @Override
        public List<InboxMessage> messages(String userId, boolean unreadOnly, Long beforeId, int limit) {
            return List.of();
        }

        @Override
        public int unreadCount(String userId, int cap) {
            return 0;
        }

        @Override
        public boolean markRead(String userId, long messageId, Instant at) {
            return false;
        }

        @Override
        public int markAllRead(String userId, Instant at) {
            return 0;
        }
    };

    private final FixedClock clock = new FixedClock(LocalDate.of(2025, 3, 4));
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final Preferences preferences = new Preferences();
    private final MessageCentreService service = new MessageCentreService(NO_INBOX, preferences, clock, audit,
            new SnapshotTransactions(audit, preferences), PolicyPacks.taicang());
    private final Caller wang = new Caller(new Actor("u-wang", "王经办", Role.UNIT_STAFF, new UnitId("TC-GAJ"),
            Set.of()), "req-1", "10.0.0.8");

    @Test
    @DisplayName("关闭邮件、设置免打扰22:00—07:00：一条审计记录写明本人、时间、来源地址和改动；再保存同样的设置不再记录")
    void aChangeIsRecordedWithWhatChanged() {
        DeliveryPreferences quiet = new DeliveryPreferences(false, true, LocalTime.of(22, 0), LocalTime.of(7, 0));
        assertThat(service.savePreferences(wang, quiet)).isEqualTo(quiet);

        assertThat(audit.all()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(MessageCentreService.ACTION);
            assertThat(r.userId()).isEqualTo("u-wang");
            assertThat(r.role()).isEqualTo(Role.UNIT_STAFF);
            assertThat(r.unit()).isEqualTo("TC-GAJ");
            assertThat(r.at()).isEqualTo(clock.now());
            assertThat(r.requestId()).isEqualTo("req-1");
            assertThat(r.sourceAddress()).isEqualTo("10.0.0.8");
            assertThat(r.article()).isEqualTo("第四条");
            assertThat(r.projectId()).isNull();
            assertThat(r.summary()).isEqualTo("修改本人的提醒方式：邮件 接收→不接收；免打扰时段 无→22:00—07:00");
        });

        // the same again: nothing changed, nothing recorded
        service.savePreferences(wang, quiet);
        assertThat(audit.all()).hasSize(1);

        service.savePreferences(wang, new DeliveryPreferences(false, false, null, null));
        assertThat(audit.all()).extracting(AuditRecord::summary).last()
                .isEqualTo("修改本人的提醒方式：短信 接收→不接收；免打扰时段 22:00—07:00→无");
        assertThat(audit.all()).extracting(AuditRecord::summary)
                .noneMatch(s -> s.contains("@") || s.matches(".*\\d{11}.*"));
    }

    @Test
    @DisplayName("审计记录写不进去时，提醒方式也不改变（同一事务）")
    void nothingChangesWhenTheRecordFails() {
        MessageCentreService failing = new MessageCentreService(NO_INBOX, preferences, clock, new AuditTrailPort() {
            @Override
            public void append(AuditRecord record) {
                throw new IllegalStateException("the audit trail is unavailable");
            }

            @Override
            public List<AuditRecord> forProject(String projectId) {
                return List.of();
            }
        }, new SnapshotTransactions(preferences), PolicyPacks.taicang());
        assertThatThrownBy(() -> failing.savePreferences(wang, new DeliveryPreferences(false, true, null, null)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(preferences.preferences("u-wang")).isEqualTo(DeliveryPreferences.DEFAULT);
    }
}
