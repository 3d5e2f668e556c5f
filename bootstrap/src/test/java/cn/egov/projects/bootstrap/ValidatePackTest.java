package cn.egov.projects.bootstrap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("validate-pack：部署前检查政策包文件")
class ValidatePackTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ValidatePack.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("随产品提供的两阶段验收政策包可以使用：列出期限、验收阶段和条款编号，退出码0")
    void theShippedTwoStagePackIsValid() {
        assertThat(run("../policy-packs/example-two-stage.json")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("政策包可以使用", "example-two-stage", "15个工作日",
                        "初步验收（第二十五条，实施单位组织，实施单位录入，专家不少于3名） → 竣工验收（第二十六条",
                        "市大数据管理局录入，专家不少于5名）", "项目合同第十五条");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    @DisplayName("有误的政策包：指出哪一项有误，退出码3")
    void aBrokenPackIsExplained(@TempDir Path dir) throws Exception {
        Path pack = dir.resolve("pack.json");
        Files.writeString(pack, """
                {"id": "x-2025", "nameZh": "某市办法", "effectiveFrom": "2025-01-01", "articles": {"CONTRACT": 15}}
                """);
        assertThat(run(pack.toString())).isEqualTo(ExitCode.BAD_CONFIGURATION_FILE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("政策包有误", "pack.articles numbers no article for SCOPE");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    @DisplayName("没有文件或文件不存在：说明用法，退出码非0")
    void usage(@TempDir Path dir) {
        assertThat(run()).isEqualTo(ExitCode.BAD_SETTING);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("validate-pack <pack.json>");
        assertThat(run(dir.resolve("missing.json").toString())).isEqualTo(ExitCode.BAD_CONFIGURATION_FILE);
    }

    @Test
    @DisplayName("命令行的 validate-pack 子命令走同一检查")
    void mainDispatches() {
        assertThat(Main.run(List.of("validate-pack"), java.util.Map.of())).isEqualTo(ExitCode.BAD_SETTING);
    }
}
