package cn.egov.projects.domain.expert;

import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("专家随机抽取与回避（第八条）：回避规则、可重放、备选按序递补")
class ExpertDrawingTest {

    private static final UnitId POLICE = new UnitId("TC-GAJ");
    private static final ProjectId PROJECT = ProjectId.random();
    private static final String SEED = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final Instant AT = Instant.parse("2024-10-10T02:00:00Z");

    private static Expert expert(String id, ExpertField field) {
        return new Expert(id, "u-" + id, "专家" + id, List.of(field), "某大学", null, List.of(), List.of(), true);
    }

    private static List<Expert> plainPool(int n) {
        List<Expert> pool = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            pool.add(expert("e" + i, ExpertField.SOFTWARE_DEVELOPMENT));
        }
        return pool;
    }

    private static DrawSubject subject(List<Vendor> vendors, List<DrawSubject.Unavailable> unavailable) {
        return new DrawSubject(PROJECT, POLICE, vendors, unavailable);
    }

    private static DrawRequest request(int experts, int reserves) {
        return new DrawRequest(List.of(ExpertField.SOFTWARE_DEVELOPMENT, ExpertField.NETWORK_SECURITY), experts,
                reserves);
    }

    @Test
    @DisplayName("回避：本单位职工、与本单位有关联、供应商或投标人的职工或关联人、已谢绝的专家、停用和领域不符的专家都不抽取，并记下每条理由")
    void avoidanceExcludesWithReasons() {
        List<Expert> pool = new ArrayList<>(plainPool(3));
        pool.add(new Expert("own", "u-own", "本单位", List.of(ExpertField.SOFTWARE_DEVELOPMENT), "太仓市公安局", POLICE,
                List.of(), List.of(), true));
        pool.add(new Expert("rel", "u-rel", "曾任职", List.of(ExpertField.NETWORK_SECURITY), "某大学", null,
                List.of(new Expert.UnitRelation(POLICE, "三年内曾任职")), List.of(), true));
        pool.add(new Expert("ven", "u-ven", "供应商职工", List.of(ExpertField.SOFTWARE_DEVELOPMENT), "苏州云智（科技）有限公司",
                null, List.of(), List.of(), true));
        pool.add(new Expert("code", "u-code", "持股", List.of(ExpertField.SOFTWARE_DEVELOPMENT), "某研究院", null,
                List.of(), List.of(new Expert.VendorRelation(new Vendor("旧名称公司", "91320585MA1XXXXX0A"), "持股")),
                true));
        pool.add(new Expert("off", "u-off", "停用", List.of(ExpertField.SOFTWARE_DEVELOPMENT), "", null, List.of(),
                List.of(), false));
        pool.add(expert("fin", ExpertField.FINANCIAL_AUDIT));
        pool.add(expert("dec", ExpertField.SOFTWARE_DEVELOPMENT));
        DrawSubject subject = subject(List.of(new Vendor("苏州云智(科技)有限公司", null),
                        new Vendor("投标人甲", "91320585ma1xxxxx0a")),
                List.of(new DrawSubject.Unavailable("dec", "已谢绝本项目的抽取")));

        ExpertDrawing.Result r = ExpertDrawing.draw(SEED, pool, subject, request(3, 5));

        assertThat(r.exclusions()).extracting(ExpertDrawing.Exclusion::expertId)
                .containsExactly("own", "rel", "ven", "code", "off", "fin", "dec");
        assertThat(r.exclusions().get(0).reasonsZh()).containsExactly("回避：工作单位为项目实施单位（TC-GAJ）");
        assertThat(r.exclusions().get(1).reasonsZh()).containsExactly("回避：与项目实施单位（TC-GAJ）有关联（三年内曾任职）");
        assertThat(r.exclusions().get(2).reasonsZh()).containsExactly("回避：工作单位为本项目供应商或投标人「苏州云智(科技)有限公司」");
        assertThat(r.exclusions().get(3).reasonsZh()).containsExactly("回避：与本项目供应商或投标人「投标人甲」有关联（持股）");
        assertThat(r.exclusions().get(4).reasonsZh()).containsExactly("专家已停用");
        assertThat(r.exclusions().get(5).reasonsZh().get(0)).startsWith("专业领域不符");
        assertThat(r.exclusions().get(6).reasonsZh()).containsExactly("已谢绝本项目的抽取");
        assertThat(r.drawn()).hasSize(3).containsExactlyInAnyOrder("e1", "e2", "e3");
        assertThat(r.reserves()).isEmpty();
        assertThat(r.eligible()).isEqualTo(3);
    }

    @Test
    @DisplayName("同一种子、同一专家库快照得到同一结果，与快照顺序无关；换一个种子结果不同")
    void deterministicReplay() {
        List<Expert> pool = plainPool(20);
        ExpertDrawing.Result first = ExpertDrawing.draw(SEED, pool, subject(List.of(), List.of()), request(5, 3));
        List<Expert> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, new Random(7));
        ExpertDrawing.Result again = ExpertDrawing.draw(SEED, shuffled, subject(List.of(), List.of()), request(5, 3));
        assertThat(again.drawn()).isEqualTo(first.drawn());
        assertThat(again.reserves()).isEqualTo(first.reserves());
        assertThat(first.drawn()).hasSize(5).doesNotHaveDuplicates();
        assertThat(first.reserves()).hasSize(3).doesNotContainAnyElementsOf(first.drawn());

        String other = "ff" + SEED.substring(2);
        assertThat(ExpertDrawing.draw(other, pool, subject(List.of(), List.of()), request(5, 3)).drawn())
                .isNotEqualTo(first.drawn());

        ExpertDraw draw = ExpertDraw.make("d1", DrawPurpose.REVIEW, subject(List.of(), List.of()), request(5, 3), SEED,
                pool, "bdb", "王局", AT);
        assertThat(draw.replays()).isTrue();
        assertThat(draw.seats()).extracting(ExpertDraw.Seat::expertId).containsExactlyElementsOf(first.drawn());
        ExpertDraw tampered = new ExpertDraw(draw.id(), draw.project(), draw.purpose(), draw.request(), draw.subject(),
                draw.seed(), draw.pool(), new ExpertDrawing.Result(first.exclusions(), first.reserves().subList(0, 3),
                List.of(), 20), draw.drawnBy(), draw.drawnByName(), draw.drawnAt(), draw.seats(), List.of(), null, 0);
        assertThat(tampered.replays()).isFalse();
    }

    @Test
    @DisplayName("排序键为 SHA-256(种子‖专家编号)，按无符号字节从小到大抽取")
    void orderIsByHashOfSeedAndId() {
        List<Expert> pool = plainPool(8);
        ExpertDrawing.Result r = ExpertDrawing.draw(SEED, pool, subject(List.of(), List.of()), request(8, 0));
        byte[] seed = java.util.HexFormat.of().parseHex(SEED);
        List<String> expected = pool.stream().map(Expert::id)
                .sorted((a, b) -> java.util.Arrays.compareUnsigned(ExpertDrawing.key(seed, a),
                        ExpertDrawing.key(seed, b))).toList();
        assertThat(r.drawn()).isEqualTo(expected);
    }

    @Test
    @DisplayName("专家谢绝后由备选按顺序递补，备选用完后不再递补；签署回避声明后才能提交意见")
    void reservesReplaceInOrder() {
        ExpertDraw draw = ExpertDraw.make("d1", DrawPurpose.REVIEW, subject(List.of(), List.of()), request(3, 2), SEED,
                plainPool(10), "bdb", "王局", AT);
        List<String> reserves = draw.result().reserves();
        String first = draw.seats().get(0).userId();
        String second = draw.seats().get(1).userId();

        assertThatThrownBy(() -> draw.recordOpinion(first, new ExpertDraw.Opinion(Verdict.AGREE, 90, "", AT)))
                .isInstanceOf(ExpertDraw.NotAllowed.class).hasMessageContaining("回避声明");

        ExpertDraw d1 = draw.decline(first, "与投标人有亲属关系", AT);
        assertThat(d1.activeSeats()).extracting(ExpertDraw.Seat::expertId).contains(reserves.get(0));
        assertThat(d1.seats().get(3).reserve()).isEqualTo(1);
        ExpertDraw d2 = d1.decline(second, "出差", AT);
        assertThat(d2.activeSeats()).extracting(ExpertDraw.Seat::expertId).contains(reserves.get(1));
        ExpertDraw d3 = d2.decline("u-" + reserves.get(0), "身体原因", AT);
        assertThat(d3.activeSeats()).hasSize(2);
        assertThat(d3.replacements()).extracting(ExpertDraw.Replacement::reserveExpertId)
                .containsExactly(reserves.get(0), reserves.get(1), null);

        String third = draw.seats().get(2).userId();
        ExpertDraw signed = d3.declare(third, AT).recordOpinion(third,
                new ExpertDraw.Opinion(Verdict.AGREE_WITH_CHANGES, 81, "补充安全方案", AT));
        assertThat(signed.averageScore().getAsDouble()).isEqualTo(81.0);
        assertThat(signed.replays()).isTrue();
        ExpertDraw closed = signed.close(AT);
        assertThatThrownBy(() -> closed.declare("u-" + reserves.get(1), AT)).isInstanceOf(ExpertDraw.NotAllowed.class)
                .hasMessageContaining("已结束");
        assertThatThrownBy(() -> closed.declare("nobody", AT)).isInstanceOf(ExpertDraw.NotAllowed.class);
    }

    @Test
    @DisplayName("符合条件的专家不足时抽取结果标明不足")
    void shortPool() {
        ExpertDraw draw = ExpertDraw.make("d1", DrawPurpose.REVIEW, subject(List.of(), List.of()), request(5, 2), SEED,
                plainPool(3), "bdb", "王局", AT);
        assertThat(draw.isShort()).isTrue();
    }
}
