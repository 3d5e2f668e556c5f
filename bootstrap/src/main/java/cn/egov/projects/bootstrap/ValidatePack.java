package cn.egov.projects.bootstrap;

import cn.egov.projects.domain.policy.AcceptanceStage;
import cn.egov.projects.domain.policy.PolicyHistory;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.rule.Articles;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.bootstrap.config.ConfigurationException;
import cn.egov.projects.bootstrap.config.PolicyPackFile;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code validate-pack <file>}: reads a policy pack file exactly as the server would at start-up and says whether it
 * is usable — what is wrong (exit 3) or what the pack holds (exit 0), in Chinese and English — without opening a
 * database, so that another municipality can check its pack before deploying it (docs/POLICY-PACKS.md).
 */
final class ValidatePack {

    static final String COMMAND = "validate-pack";

    private ValidatePack() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1 || args.get(0).isBlank()) {
            err.println("用法 / usage: java -jar egov-projects.jar " + COMMAND + " <pack.json>");
            return ExitCode.BAD_SETTING;
        }
        Path file = Path.of(args.get(0));
        if (!Files.isRegularFile(file)) {
            err.println("政策包文件不存在 / no such policy pack file: " + file);
            return ExitCode.BAD_CONFIGURATION_FILE;
        }
        PolicyHistory history;
        try {
            history = PolicyPackFile.load(file);
        } catch (ConfigurationException e) {
            err.println("政策包有误，不能使用 / the policy pack is not usable:");
            err.println("  " + e.getMessage());
            return ExitCode.BAD_CONFIGURATION_FILE;
        }
        out.println("政策包可以使用 / the policy pack is valid: " + file);
        for (PolicyPack pack : history.packs()) {
            out.println(describe(pack));
        }
        return ExitCode.OK;
    }

    /** What a pack holds, as its author checks it: periods, thresholds, stages and articles. */
    static String describe(PolicyPack pack) {
        StringBuilder b = new StringBuilder();
        b.append("  ").append(pack.id()).append(" 《").append(pack.nameZh()).append("》 自 ")
                .append(pack.effectiveFrom()).append(" 起施行 / in force from ").append(pack.effectiveFrom()).append('\n');
        b.append("    合同报送 / contract filing: ").append(pack.contractFiling().toChinese())
                .append("；验收报告 / acceptance report: ").append(pack.acceptanceReport().toChinese())
                .append("；竣工决算 / final accounts: ").append(pack.finalAccounts().toChinese()).append('\n');
        b.append("    监理门槛 / supervision threshold: ").append(pack.supervisionThreshold().toChinese())
                .append("；专家 / panel ≥ ").append(pack.expertPanelMinimum()).append('\n');
        b.append("    验收阶段 / acceptance stages: ").append(pack.acceptanceStages().stream()
                .map(ValidatePack::stage).collect(Collectors.joining(" → "))).append('\n');
        b.append("    条款 / articles: ").append(java.util.Arrays.stream(Provision.values())
                .map(p -> p.zh() + pack.articleZh(p)).collect(Collectors.joining("，")));
        return b.toString();
    }

    private static String stage(AcceptanceStage s) {
        return s.nameZh() + "（" + Articles.chinese(s.rule().article()) + "，" + s.organiserZh() + "组织，"
                + s.recordedBy().zh() + "录入，专家不少于" + s.expertPanelMinimum() + "名）";
    }
}
