package cn.egov.projects.domain.project;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("项目编号及其简称")
class ProjectIdTest {

    @Test
    @DisplayName("新项目的编号按时间排序（第7版），简称取其末8位随机部分：同一分钟建的项目简称也各不相同")
    void aNewNumbersShortFormIsItsRandomTail() {
        Set<String> shortNumbers = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ProjectId id = ProjectId.random();
            assertThat(id.value().version()).isEqualTo(7);
            String text = id.toString();
            assertThat(id.shortNumber()).hasSize(8).isEqualTo(text.substring(28));
            shortNumbers.add(id.shortNumber());
        }
        assertThat(shortNumbers).hasSize(200);
    }

    @Test
    @DisplayName("此前的随机编号（第4版）简称仍是前8位，与过去的消息和审计记录一致")
    void anEarlierRandomNumberKeepsItsFirstEight() {
        ProjectId earlier = ProjectId.parse("3f2a9c1b-5d7e-4a10-9b2c-7e9dbb78add6");
        assertThat(earlier.value().version()).isEqualTo(4);
        assertThat(earlier.shortNumber()).isEqualTo("3f2a9c1b");
        assertThat(new ProjectId(UUID.randomUUID()).shortNumber()).hasSize(8);
    }

    @Test
    @DisplayName("编号格式不正确时给出中文提示")
    void aMalformedNumberIsRefused() {
        assertThatThrownBy(() -> ProjectId.parse("not-a-number")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("项目编号格式不正确");
    }
}
