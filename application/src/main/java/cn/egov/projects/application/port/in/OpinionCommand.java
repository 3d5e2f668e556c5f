package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.domain.expert.Verdict;

/** An expert's own opinion on a project reviewed: 同意 / 修改后同意 / 不同意, a score of 0–100 and comments. */
public record OpinionCommand(Verdict verdict, Integer score, String comments) {

    public OpinionCommand {
        Check.required(verdict, "verdict", "评审结论");
        if (score == null || score < 0 || score > 100) {
            throw new InvalidCommandException("score", "评分应为0至100的整数");
        }
        comments = Check.text(comments, "comments", "评审意见", 5000);
    }
}
