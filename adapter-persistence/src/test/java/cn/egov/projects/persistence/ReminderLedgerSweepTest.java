package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("第27版转换：消息键中的明文收件人换成盲索引（合并消息和单条提醒两种键）")
class ReminderLedgerSweepTest {

    private static final String INDEX = "ab".repeat(32);

    @Test
    @DisplayName("合并消息的键和单条提醒的键都只换收件人一段；格式不对时报错而不引用其内容")
    void theRecipientOfAMessageKeyIsReplacedByItsIndex() {
        assertThat(ReminderLedgerSweep.indexed("EMAIL|li@tc.gov.cn|2026-12-06", INDEX, "reminder 1"))
                .isEqualTo("EMAIL|" + INDEX + "|2026-12-06");
        String deadline = "5f0c4a9e-2b1d-4c3e-8f6a-1b2c3d4e5f60";
        assertThat(ReminderLedgerSweep.indexed("SMS|13911112222|2026-12-06|" + deadline + "|-3", INDEX, "reminder 2"))
                .isEqualTo("SMS|" + INDEX + "|2026-12-06|" + deadline + "|-3");
        assertThatThrownBy(() -> ReminderLedgerSweep.indexed("EMAIL|li@tc.gov.cn", INDEX, "reminder 3"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("reminder 3")
                .hasMessageNotContaining("li@tc.gov.cn");
    }
}
