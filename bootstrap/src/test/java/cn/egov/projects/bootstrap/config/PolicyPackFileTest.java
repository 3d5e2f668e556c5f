package cn.egov.projects.bootstrap.config;

import cn.egov.projects.domain.calendar.Term;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyHistory;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.rule.RuleCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyPackFileTest {

    /** The pack files shipped at the root of the project, for municipalities to start from. */
    private static final Path SHIPPED = Path.of("..", "policy-packs");

    @Test
    @DisplayName("随产品提供的太仓政策包文件与内置默认政策包完全一致")
    void theShippedTaicangFileIsTheDefault() {
        PolicyHistory history = PolicyPackFile.load(SHIPPED.resolve("taicang-2021.json"));
        assertThat(history.packs()).containsExactly(PolicyPacks.taicang());
    }

    @Test
    @DisplayName("随产品提供的示例市政策包文件与示例政策包完全一致")
    void theShippedExampleFileIsTheExamplePack() {
        assertThat(PolicyPackFile.load(SHIPPED.resolve("example-2024.json")).packs())
                .containsExactly(PolicyPacks.example());
    }

    @Test
    @DisplayName("随产品提供的两阶段验收示例政策包文件与内置两阶段示例政策包完全一致")
    void theShippedTwoStageFileIsTheTwoStagePack() {
        assertThat(PolicyPackFile.load(SHIPPED.resolve("example-two-stage.json")).packs())
                .containsExactly(PolicyPacks.twoStage());
    }

    @Test
    @DisplayName("验收阶段缺少条款号时读入失败，并指出是哪一阶段的哪一项")
    void aStageWithoutItsArticleIsNamed() {
        assertThatThrownBy(() -> PolicyPackFile.parse("""
                {"id": "x-2025", "nameZh": "某市办法", "effectiveFrom": "2025-01-01",
                 "acceptanceStages": [{"key": "PRELIMINARY", "nameZh": "初步验收", "wording": "……",
                   "organiserZh": "实施单位", "expertPanelMinimum": 3}]}
                """)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pack.acceptanceStages[0].article");
    }

    @Test
    @DisplayName("验收阶段由谁录入（recordedBy）：不写为实施单位，可写BUREAU；其他值读入失败并指出是哪一阶段")
    void whoRecordsAStage() {
        String stage = """
                {"id": "x-2025", "nameZh": "某市办法", "effectiveFrom": "2025-01-01",
                 "acceptanceStages": [{"key": "FINAL", "nameZh": "竣工验收", "article": 24, "wording": "……",
                   "organiserZh": "市大数据管理局", %s"expertPanelMinimum": 3}]}
                """;
        assertThat(PolicyPackFile.parse(stage.formatted("")).packs().get(0).finalAcceptanceStage().recordedBy())
                .isEqualTo(cn.egov.projects.domain.policy.AcceptanceStage.RecordedBy.UNIT);
        assertThat(PolicyPackFile.parse(stage.formatted("\"recordedBy\": \"BUREAU\", ")).packs().get(0).finalAcceptanceStage()
                .recordedBy()).isEqualTo(cn.egov.projects.domain.policy.AcceptanceStage.RecordedBy.BUREAU);
        assertThatThrownBy(() -> PolicyPackFile.parse(stage.formatted("\"recordedBy\": \"FINANCE\", ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pack.acceptanceStages[0].recordedBy").hasMessageContaining("FINANCE");
    }

    @Test
    @DisplayName("写出规则措辞的政策包须写全：缺少的规则代码在读入时被指出")
    void aPackThatWordsItsRulesWordsThemAll() {
        assertThatThrownBy(() -> PolicyPackFile.parse("""
                {"id": "x-2025", "nameZh": "某市办法", "effectiveFrom": "2025-01-01",
                 "rules": {"ART15_SUPERVISION_REQUIRED": {"article": 16, "wording": "……应实行项目监理制"}}}
                """)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pack.rules words no rule ART2_OUT_OF_SCOPE")
                .hasMessageContaining("ART27_CLASSIFIED");
    }

    @Test
    @DisplayName("写出条款编号的政策包须写全：缺少的条款在读入时被指出；未写条款编号的取太仓的编号")
    void aPackThatNumbersItsArticlesNumbersThemAll() {
        assertThatThrownBy(() -> PolicyPackFile.parse("""
                {"id": "x-2025", "nameZh": "某市办法", "effectiveFrom": "2025-01-01", "articles": {"CONTRACT": 15}}
                """)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pack.articles numbers no article for SCOPE（适用范围）");
        assertThatThrownBy(() -> PolicyPackFile.parse("""
                {"id": "x-2025", "nameZh": "某市办法", "effectiveFrom": "2025-01-01", "articles": {"CONTRACTS": 15}}
                """)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown value \"CONTRACTS\"");
        PolicyPack taicangNumbered = PolicyPackFile.parse("""
                {"id": "x-2025", "nameZh": "某市办法", "effectiveFrom": "2025-01-01"}
                """).packs().get(0);
        assertThat(taicangNumbered.articleZh(cn.egov.projects.domain.rule.Provision.CONTRACT)).isEqualTo("第十四条");
    }

    @Test
    @DisplayName("期限的措辞由政策包给出：须写全，且用{期限}表示期限，不得把天数写进措辞")
    void deadlineWordingTakesThePacksPeriod() {
        String others = "\"IMPL_PLAN\": \"计划下达后{期限}内报送实施方案\", \"PROGRESS_REPORT\": \"每{期限}报送进度\","
                + " \"SUBSTANTIVE_START\": \"{期限}内实质性启动\", \"ACCEPTANCE_LIMIT\": \"不得超过{期限}\","
                + " \"ACCEPTANCE_REPORT\": \"{期限}内报送验收报告\", \"FINAL_ACCOUNTS\": \"{期限}内完成竣工决算\","
                + " \"WARRANTY_END\": \"维保期届满安排运维\", \"WINDOW_CLOSING\": \"申报期截止前申报\"";
        assertThatThrownBy(() -> PolicyPackFile.parse("{\"id\": \"x\", \"nameZh\": \"某市办法\", "
                + "\"effectiveFrom\": \"2025-01-01\", \"deadlines\": {\"CONTRACT_FILING\": \"合同签订后七个工作日内报送\", "
                + others + "}}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pack.deadlines.CONTRACT_FILING must say where the pack's period goes with {期限}");
        assertThatThrownBy(() -> PolicyPackFile.parse("{\"id\": \"x\", \"nameZh\": \"某市办法\", "
                + "\"effectiveFrom\": \"2025-01-01\", \"deadlines\": {" + others + "}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pack.deadlines words no deadline CONTRACT_FILING");
        PolicyPack pack = PolicyPackFile.parse("{\"id\": \"x\", \"nameZh\": \"某市办法\", "
                + "\"effectiveFrom\": \"2025-01-01\", \"contractFiling\": {\"amount\": 5, \"unit\": \"WORKING_DAYS\"}, "
                + "\"deadlines\": {\"CONTRACT_FILING\": \"合同签订后{期限}内报主管部门备案\", " + others + "}}")
                .packs().get(0);
        assertThat(cn.egov.projects.domain.deadline.DeadlineKind.CONTRACT_FILING.descriptionZh(pack))
                .isEqualTo("合同签订后5个工作日内报主管部门备案");
    }

    @Test
    @DisplayName("写出再读入的政策包不变")
    void writingAndReadingRoundTrips() {
        for (PolicyPack pack : new PolicyPack[]{PolicyPacks.taicang(), PolicyPacks.example(),
                PolicyPacks.twoStage()}) {
            assertThat(PolicyPackFile.parse(PolicyPackFile.toJson(pack)).packs()).containsExactly(pack);
        }
    }

    @Test
    @DisplayName("只写与太仓不同的参数即可：其余取太仓的值")
    void aPackNeedsOnlyWhatDiffers() {
        PolicyPack pack = PolicyPackFile.parse("""
                {"id": "kunshan-2025", "nameZh": "某市办法", "effectiveFrom": "2025-01-01",
                 "supervisionThreshold": "1000000", "supervisionNatures": ["NEW", "CONTINUATION"],
                 "contractFiling": {"amount": 5, "unit": "WORKING_DAYS"}}
                """).packs().get(0);
        assertThat(pack.supervisionThreshold()).isEqualTo(Money.yuan("1000000.00"));
        assertThat(pack.supervisionNatures()).isEqualTo(Set.of(Nature.NEW, Nature.CONTINUATION));
        assertThat(pack.contractFiling()).isEqualTo(Term.workingDays(5));
        assertThat(pack.trialMinimum()).isEqualTo(Term.months(1));
        assertThat(pack.articleOf(RuleCode.ART15_SUPERVISION_REQUIRED)).isEqualTo("第十五条");
    }

    @Test
    @DisplayName("第二条的排除类别可写用词和属于本办法的工作内容；旧式的排除项清单仍可读入")
    void scopeExclusionsAreReadInBothShapes() {
        PolicyPack kinds = PolicyPackFile.parse("""
                {"id": "k", "nameZh": "某市办法", "effectiveFrom": "2025-01-01", "contractAdditionPercent": 5,
                 "scopeExclusions": [{"kind": "会议系统", "words": ["会议话筒"], "inScopeWords": ["接口"]}]}
                """).packs().get(0);
        assertThat(kinds.contractAdditionPercent()).isEqualTo(5);
        assertThat(kinds.scopeExclusions()).singleElement().satisfies(e -> {
            assertThat(e.kindZh()).isEqualTo("会议系统");
            assertThat(e.words()).containsExactly("会议系统", "会议话筒");
            assertThat(e.inScopeWords()).containsExactly("接口");
        });
        PolicyPack items = PolicyPackFile.parse("""
                {"id": "i", "nameZh": "某市办法", "effectiveFrom": "2025-01-01", "excludedScopeItems": ["打印机"]}
                """).packs().get(0);
        assertThat(items.scopeExclusions()).singleElement().satisfies(e -> {
            assertThat(e.words()).containsExactly("打印机");
            assertThat(e.inScopeWords()).isEqualTo(cn.egov.projects.domain.policy.ScopeExclusion.DEFAULT_IN_SCOPE_WORDS);
        });
        assertThat(items.contractAdditionPercent()).isEqualTo(10);
        assertThatThrownBy(() -> PolicyPackFile.parse("""
                {"id": "b", "nameZh": "某市办法", "effectiveFrom": "2025-01-01", "excludedScopeItems": ["打印机"],
                 "scopeExclusions": []}
                """)).hasMessageContaining("keep one");
        assertThatThrownBy(() -> PolicyPackFile.parse("""
                {"id": "b", "nameZh": "某市办法", "effectiveFrom": "2025-01-01",
                 "scopeExclusions": [{"kind": "打印机", "word": ["x"]}]}
                """)).hasMessageContaining("pack.scopeExclusions[0] has an unknown field \"word\"");
    }

    @Test
    @DisplayName("一个文件可以包含同一城市先后施行的多个政策包，按申报日期选用")
    void aFileMayHoldPacksOverTime() {
        PolicyHistory h = PolicyPackFile.parse("""
                {"packs": [
                  {"id": "a-2021", "nameZh": "旧办法", "effectiveFrom": "2021-03-31"},
                  {"id": "a-2026", "nameZh": "新办法", "effectiveFrom": "2026-07-01", "expertPanelMinimum": 5}
                ]}
                """);
        assertThat(h.inForceOn(LocalDate.of(2026, 6, 30)).id()).isEqualTo("a-2021");
        assertThat(h.inForceOn(LocalDate.of(2026, 7, 1)).expertPanelMinimum()).isEqualTo(5);
    }

    @Test
    @DisplayName("拼错的字段、错误的期限单位和非法JSON都被拒绝，并说明文件和位置")
    void mistakesAreRefusedClearly(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> PolicyPackFile.parse("{\"id\":\"x\",\"nameZh\":\"x\",\"effectiveFrom\":\"2025-01-01\",\"expertPanelMinimun\":3}"))
                .hasMessageContaining("unknown field \"expertPanelMinimun\"");
        assertThatThrownBy(() -> PolicyPackFile.parse("{\"id\":\"x\",\"nameZh\":\"x\",\"effectiveFrom\":\"2025-01-01\",\"contractFiling\":{\"amount\":7,\"unit\":\"WEEKS\"}}"))
                .hasMessageContaining("contractFiling.unit").hasMessageContaining("WEEKS");
        assertThatThrownBy(() -> PolicyPackFile.parse("{\"id\":\"x\",\"nameZh\":\"x\"}"))
                .hasMessageContaining("effectiveFrom is required");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\n  \"id\": \"x\",\n  oops\n}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PolicyPackFile.load(broken))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(broken.toString()).hasMessageContaining("line 3");
        assertThatThrownBy(() -> PolicyPackFile.load(dir.resolve("missing.json")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("missing.json");
    }
}
