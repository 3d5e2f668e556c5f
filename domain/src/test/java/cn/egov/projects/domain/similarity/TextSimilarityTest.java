package cn.egov.projects.domain.similarity;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextSimilarityTest {

    private static TextSimilarity.Document project(String key, String name, String... scope) {
        List<TextSimilarity.Field> fields = new ArrayList<>();
        fields.add(new TextSimilarity.Field("项目名称", name, 2.0));
        for (String item : scope) {
            fields.add(new TextSimilarity.Field("建设内容", item, 1.0));
        }
        return new TextSimilarity.Document(key, fields);
    }

    private static List<String> keys(List<TextSimilarity.Match> matches) {
        return matches.stream().map(TextSimilarity.Match::key).toList();
    }

    @Test
    @DisplayName("中文按相邻两字切分，英文和数字连续成词，全角折为半角")
    void termsAreCharacterPairsAndWords() {
        assertThat(TextSimilarity.terms(TextSimilarity.normalise("智慧公安数据平台")))
                .containsExactly("智慧", "慧公", "公安", "安数", "数据", "据平", "平台");
        assertThat(TextSimilarity.terms(TextSimilarity.normalise("ＡＰＩ网关、5G专网（一期）")))
                .containsExactly("api", "网关", "5g", "专网", "一期");
        assertThat(TextSimilarity.terms(TextSimilarity.normalise("库 A"))).containsExactly("库");
    }

    @Test
    @DisplayName("按内容而非相同词语：智慧公安数据平台与公安数据共享平台相近，与智慧城管指挥平台不近")
    void contentNotEqualWords() {
        TextSimilarity index = new TextSimilarity();
        index.add(project("公安数据共享平台", "公安数据共享平台"));
        index.add(project("智慧城管指挥平台", "智慧城管指挥平台"));
        index.add(project("城市管理数据平台", "城市管理数据平台"));

        List<TextSimilarity.Match> ranked = index.rank(project("q", "智慧公安数据平台"), 0.0, 10);

        assertThat(keys(ranked)).containsExactly("公安数据共享平台", "城市管理数据平台", "智慧城管指挥平台");
        assertThat(ranked.get(0).score()).isGreaterThan(0.4);
        assertThat(ranked.get(0).terms()).containsExactly("公安数据");
        assertThat(ranked.get(0).fields()).containsExactly("项目名称");
        // 智慧…平台 alone says nothing: generic pairs weigh little, and are not shown as what matched
        assertThat(ranked.get(2).score()).isLessThan(0.05);
        assertThat(ranked.get(2).terms()).isEmpty();
    }

    @Test
    @DisplayName("建设内容一致的项目即使名称不同也排在前面，并指出匹配的短语和位置")
    void scopeCounts() {
        TextSimilarity index = new TextSimilarity();
        index.add(project("A", "公安数据共享平台", "公安数据汇聚", "数据共享交换接口"));
        index.add(project("C", "警务大数据分析系统", "警情分析", "数据汇聚平台"));
        index.add(project("B", "智慧城管综合指挥平台", "城管案件处置", "视频监控接入"));
        index.add(project("D", "市级电子政务外网升级改造", "核心交换机更换", "网络安全防护"));

        List<TextSimilarity.Match> ranked = index.rank(project("q", "智慧公安数据平台", "数据汇聚平台", "警情分析系统"),
                0.2, 10);

        assertThat(keys(ranked)).containsExactly("C", "A");
        assertThat(ranked.get(0).terms()).contains("数据汇聚平台", "警情分析");
        assertThat(ranked.get(0).fields()).containsExactly("项目名称", "建设内容");
        assertThat(ranked.get(1).terms()).containsExactly("公安数据汇聚");
    }

    @Test
    @DisplayName("低于阈值的不列出；按得分从高到低，至多列出要求的条数；调整系数按键生效")
    void thresholdLimitAndFactor() {
        TextSimilarity index = new TextSimilarity();
        index.add(project("A", "公安数据共享平台"));
        index.add(project("B", "公安数据共享交换平台"));
        index.add(project("C", "教育资源公共服务平台"));
        TextSimilarity.Document q = project("q", "公安数据共享平台");

        assertThat(keys(index.rank(q, 0.2, 10))).containsExactly("A", "B");
        assertThat(index.rank(q, 0.2, 10).get(0).score()).isEqualTo(1.0);
        assertThat(keys(index.rank(q, 0.2, 1))).containsExactly("A");
        assertThat(keys(index.rank(q, 0.99, 10))).containsExactly("A");
        assertThat(keys(index.rank(q, key -> key.equals("A") ? 0.5 : 1.0, 0.2, 10))).containsExactly("B", "A");
        assertThatThrownBy(() -> index.rank(q, 0.2, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("没有可比内容时结果为空；超长文本只读前4000字")
    void emptyAndLongTexts() {
        TextSimilarity index = new TextSimilarity();
        index.add(project("A", "公安数据共享平台"));
        assertThat(index.rank(project("q", "，。、"), 0.0, 10)).isEmpty();

        TextSimilarity long_ = new TextSimilarity();
        long_.add(project("L", "无关".repeat(2_500) + "公安数据共享平台"));
        assertThat(long_.rank(project("q", "公安数据共享平台"), 0.01, 10)).isEmpty();
    }

    @Test
    @DisplayName("三千个项目的比对在一秒内完成")
    void thousandsOfProjectsAreQuick() {
        TextSimilarity index = new TextSimilarity();
        String[] places = {"公安", "城管", "教育", "卫健", "民政", "交通", "水务", "人社", "应急", "市场监管"};
        String[] things = {"数据共享平台", "业务管理系统", "视频汇聚平台", "指挥调度系统", "公共服务平台", "一网通办接口"};
        for (int i = 0; i < 3_000; i++) {
            String name = places[i % places.length] + things[(i / places.length) % things.length] + (i / 60) + "期";
            index.add(project("p" + i, name, places[(i + 3) % places.length] + "业务数据汇聚",
                    things[(i + 1) % things.length] + "改造", "第" + i + "号机房设备维护和网络安全防护"));
        }
        long start = System.nanoTime();
        List<TextSimilarity.Match> ranked = index.rank(project("q", "智慧公安数据平台", "数据汇聚平台", "警情分析系统"),
                0.2, 10);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(ranked).isNotEmpty();
        assertThat(millis).as("one ranking over 3,000 projects, ms").isLessThan(1_000);
    }
}
