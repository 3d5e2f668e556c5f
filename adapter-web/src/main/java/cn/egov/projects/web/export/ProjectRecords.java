package cn.egov.projects.web.export;

import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.application.port.in.ProjectDetails;
import cn.egov.projects.application.port.in.ProjectPage;
import cn.egov.projects.application.view.AuditEntry;
import cn.egov.projects.application.view.Masks;
import cn.egov.projects.application.view.Names;
import cn.egov.projects.application.view.StoredDocument;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineStatus;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.Acceptance;
import cn.egov.projects.domain.project.BudgetLine;
import cn.egov.projects.domain.project.GoalAchievement;
import cn.egov.projects.domain.project.GoalAssessment;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.SelfInspection;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A project's record (项目档案) as a PDF on A4: what a unit files and an auditor asks for — the declaration (profile,
 * budget lines, the accountable people with their contacts masked), the performance goals, every step of its life
 * (who by name and unit, when, under which article), its deadlines with their due and met days (missed ones marked)
 * and its documents with their SM3 digests. Every page is headed with the project's number and name and numbered
 * "第 n 页 / 共 m 页".
 *
 * <p>The Chinese text is set in the standard font STSong-Light (encoding UniGB-UCS2-H), which PDF readers supply:
 * nothing is embedded, so the server needs no font installed and the file stays small.
 */
public final class ProjectRecords {

    public static final String PDF = "application/pdf";

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Color HEAD = new Color(0xEE, 0xF2, 0xF6);
    private static final Color MISSED = new Color(0xB7, 0x1C, 0x1C);

    private ProjectRecords() {
    }

    /**
     * The record of the project of this page, as read by a person (whose name and the time are printed at its end).
     *
     * @param reader who the record is made for, e.g. 王经办（太仓市公安局）
     * @param at     when it is made (the application's clock)
     */
    public static byte[] pdf(ProjectPage page, String reader, Instant at) {
        BaseFont base = chinese();
        Font title = new Font(base, 18, Font.BOLD);
        Font section = new Font(base, 13, Font.BOLD);
        Font text = new Font(base, 9.5f);
        Font small = new Font(base, 7.5f);
        Font bold = new Font(base, 9.5f, Font.BOLD);
        Font missed = new Font(base, 9.5f, Font.BOLD, MISSED);

        ProjectDetails d = page.details();
        Project.Snapshot p = d.project();
        ProjectProfile profile = p.profile();
        Names names = page.names();
        String number = p.id().toString();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 48, 48, 64, 56);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new Pages(base, "项目档案：" + profile.name() + (profile.classified() ? "（涉密）" : ""),
                    "项目编号 " + number));
            doc.addTitle("项目档案：" + profile.name());
            doc.addSubject("项目编号 " + number);
            doc.addCreator(d.pack().systemNameZh());
            doc.open();

            Paragraph head = new Paragraph(d.pack().recordTitleZh(), title);
            head.setAlignment(Element.ALIGN_CENTER);
            head.setSpacingAfter(4);
            doc.add(head);
            Paragraph name = new Paragraph(profile.name(), section);
            name.setAlignment(Element.ALIGN_CENTER);
            doc.add(name);
            Paragraph basis = new Paragraph(basisOf(d.pack().nameZh())
                    + (profile.classified() ? "　涉密项目：仅限知悉范围内人员阅知（"
                    + d.pack().articleZh(Provision.CLASSIFIED) + "）" : ""), small);
            basis.setAlignment(Element.ALIGN_CENTER);
            basis.setSpacingAfter(10);
            doc.add(basis);

            // 一、项目申报
            doc.add(heading("一、项目申报", section));
            String unitCode = p.unit().code();
            String unitName = names.unit(unitCode);
            PdfPTable facts = table(new float[] {1.3f, 4f}, 100);
            fact(facts, "项目名称", profile.name(), text, bold);
            fact(facts, "项目编号", number, text, bold);
            fact(facts, "实施单位", unitName == null ? unitCode : unitName + "（" + unitCode + "）", text, bold);
            fact(facts, "计划年度", String.valueOf(profile.planYear()), text, bold);
            fact(facts, "项目类别", profile.category().zh(), text, bold);
            fact(facts, "建设性质", profile.nature().zh(), text, bold);
            fact(facts, "资金来源", profile.funding().zh(), text, bold);
            fact(facts, "涉密项目", profile.classified() ? "是" : "否", text, bold);
            fact(facts, "使用密码技术", profile.usesCryptography() ? "是" : "否", text, bold);
            fact(facts, "含软件开发", profile.softwareDevelopment() ? "是" : "否", text, bold);
            fact(facts, "总投资", yuan(profile.totalInvestment()), text, bold);
            fact(facts, "当前状态", p.state().zh(), text, bold);
            fact(facts, "创建日期", String.valueOf(p.createdOn()), text, bold);
            fact(facts, "申报日期", p.declaredOn() == null ? "尚未申报" : p.declaredOn().toString(), text, bold);
            fact(facts, "建设内容", profile.scopeItems().isEmpty() ? "—" : String.join("；", profile.scopeItems()),
                    text, bold);
            if (profile.people() != null) {
                fact(facts, "分管领导", person(profile.people().leader()), text, bold);
                fact(facts, "项目负责人", person(profile.people().responsible()), text, bold);
            }
            doc.add(facts);

            doc.add(subheading("预算明细", bold));
            PdfPTable budget = table(new float[] {0.5f, 4f, 1.6f, 1.4f, 0.8f}, 100);
            headers(budget, bold, "序号", "事项", "金额（元）", "采购类别", "监理");
            int i = 1;
            for (BudgetLine b : profile.budgetLines()) {
                cells(budget, text, String.valueOf(i++), b.item(), b.amount().toBigDecimal().toPlainString(),
                        b.kind() == null ? "—" : b.kind().zh(), b.supervision() ? "是" : "否");
            }
            doc.add(budget);

            // 二、绩效目标
            if (!profile.performanceGoals().isEmpty()) {
                doc.add(heading("二、绩效目标（" + d.pack().articleZh(Provision.SELF_INSPECTION) + "、"
                        + d.pack().articleZh(Provision.ACCEPTANCE) + "）", section));
                SelfInspection inspection = p.selfInspection();
                Acceptance last = p.acceptances().isEmpty() ? null : p.acceptances().get(p.acceptances().size() - 1);
                PdfPTable goals = table(new float[] {2.6f, 1f, 1.4f, 2f, 2f}, 100);
                headers(goals, bold, "指标", "类别", "目标值", "自查（实际值、达成）", "验收评价");
                for (PerformanceGoal g : profile.performanceGoals()) {
                    GoalAchievement a = inspection == null ? null : inspection.goalAchievements().stream()
                            .filter(x -> x.indicator().equals(g.indicator())).findFirst().orElse(null);
                    GoalAssessment e = last == null ? null : last.goalAssessments().stream()
                            .filter(x -> x.indicator().equals(g.indicator())).findFirst().orElse(null);
                    cells(goals, text, g.indicator(), g.kind() == null ? "—" : g.kind().zh(),
                            g.hasTarget() ? g.targetZh() : "—",
                            a == null ? "—" : (a.actual() == null ? "" : a.actual() + "，") + a.attainment().zh(),
                            e == null ? "—" : e.attainment().zh() + (e.opinion() == null ? "" : "：" + e.opinion()));
                }
                doc.add(goals);
            }

            // 三、办理记录
            doc.add(heading((profile.performanceGoals().isEmpty() ? "二" : "三") + "、办理记录（谁、何时、依据哪一条）",
                    section));
            PdfPTable steps = table(new float[] {1.4f, 2.9f, 1.9f, 1f, 1.8f, 2.5f}, 100);
            headers(steps, bold, "时间", "办理人（单位）", "事项", "依据", "状态变化", "说明");
            steps.setHeaderRows(1);
            for (AuditEntry e : page.timeline()) {
                cells(steps, text, when(e.at()), who(e), actionZh(e.action()), orDash(e.article()),
                        e.toState() == null ? "—" : (e.fromState() == null ? "" : e.fromState().zh() + " → ")
                                + e.toState().zh(), orDash(e.summary()));
            }
            if (page.timeline().isEmpty()) {
                none(steps, text, 6);
            }
            doc.add(steps);

            // 四、期限
            String n = profile.performanceGoals().isEmpty() ? "三" : "四";
            doc.add(heading(n + "、期限（到期日、办结日；逾期的标出）", section));
            PdfPTable deadlines = table(new float[] {2.6f, 1f, 1.2f, 1.2f, 1.2f, 1.6f}, 100);
            headers(deadlines, bold, "事项", "依据", "起算日", "到期日", "办结日", "情况");
            deadlines.setHeaderRows(1);
            for (ProjectDetails.DeadlineView v : d.deadlines()) {
                Deadline dl = v.deadline();
                boolean late = v.status() == DeadlineStatus.OVERDUE || v.status() == DeadlineStatus.MET_LATE;
                String status = (late ? "【逾期】" : "") + v.status().zh()
                        + (dl.provisional() ? "（暂定）" : "")
                        + (dl.waivedReason() == null ? "" : "：" + dl.waivedReason());
                cells(deadlines, text, dl.kind().actionZh(), d.pack().articleZh(dl.kind().provision()),
                        String.valueOf(dl.start()), String.valueOf(dl.due()),
                        dl.metOn() == null ? "—" : dl.metOn().toString());
                deadlines.addCell(cell(status, late ? missed : text));
            }
            if (d.deadlines().isEmpty()) {
                none(deadlines, text, 6);
            }
            doc.add(deadlines);

            // 五、文档
            n = profile.performanceGoals().isEmpty() ? "四" : "五";
            doc.add(heading(n + "、文档（SM3摘要，GB/T 32905）", section));
            // each document on two rows: its facts, then its digest across the page (64 hex digits on one line)
            PdfPTable documents = table(new float[] {3f, 1.6f, 1.2f, 2f, 1.6f}, 100);
            headers(documents, bold, "文件名", "类别", "大小（字节）", "上传人", "上传时间");
            documents.setHeaderRows(1);
            for (StoredDocument s : page.documents()) {
                cells(documents, text, s.fileName(), orDash(s.kind()), String.valueOf(s.size()),
                        orDash(names.person(s.uploadedBy()) == null ? s.uploadedBy() : names.person(s.uploadedBy())),
                        when(s.uploadedAt()));
                PdfPCell digest = cell("SM3：" + (s.sm3() == null ? "—" : s.sm3()), small);
                digest.setColspan(5);
                documents.addCell(digest);
            }
            if (page.documents().isEmpty()) {
                none(documents, text, 5);
            }
            doc.add(documents);

            Paragraph end = new Paragraph("本档案由系统根据项目数据和办理记录生成。生成人：" + reader + "；生成时间："
                    + when(at) + "（北京时间）。联系方式已脱敏。", small);
            end.setSpacingBefore(12);
            doc.add(end);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the record could not be laid out", e);
        }
        return out.toByteArray();
    }

    /** The standard Chinese font STSong-Light, which PDF readers supply (not embedded). */
    private static BaseFont chinese() {
        try {
            return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Chinese names of the audited actions of a project's life (as the project page shows them). */
    private static String actionZh(String action) {
        return cn.egov.projects.web.json.ProjectJson.actionZh(action);
    }

    private static String who(AuditEntry e) {
        String person = e.actorName() != null ? e.actorName() : e.userId() != null ? e.userId() : "（不显示）";
        String unit = e.unitName() != null ? e.unitName() : e.unit();
        return unit == null ? person : person + "（" + unit + "）";
    }

    private static String person(Person p) {
        if (p == null) {
            return "—";
        }
        List<String> parts = new ArrayList<>();
        parts.add(p.name() == null ? "—" : p.name());
        if (p.mobile() != null) {
            parts.add("手机 " + Masks.mobile(p.mobile()));
        }
        if (p.email() != null) {
            parts.add("邮箱 " + Masks.email(p.email()));
        }
        return String.join("，", parts);
    }

    private static String yuan(Money m) {
        return String.format("%,.2f 元", m.toBigDecimal());
    }

    private static String when(Instant at) {
        return at == null ? "—" : WHEN.format(at.atZone(ZONE));
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static Paragraph heading(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingBefore(12);
        p.setSpacingAfter(6);
        return p;
    }

    private static Paragraph subheading(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingBefore(8);
        p.setSpacingAfter(4);
        return p;
    }

    private static PdfPTable table(float[] widths, float percent) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(percent);
        t.setSplitLate(false);
        return t;
    }

    private static void fact(PdfPTable t, String label, String value, Font text, Font bold) {
        PdfPCell l = cell(label, bold);
        l.setBackgroundColor(HEAD);
        t.addCell(l);
        t.addCell(cell(value, text));
    }

    private static void headers(PdfPTable t, Font font, String... names) {
        for (String n : names) {
            PdfPCell c = cell(n, font);
            c.setBackgroundColor(HEAD);
            t.addCell(c);
        }
    }

    private static void cells(PdfPTable t, Font font, String... values) {
        for (String v : values) {
            t.addCell(cell(v, font));
        }
    }

    private static void none(PdfPTable t, Font font, int columns) {
        PdfPCell c = cell("暂无", font);
        c.setColspan(columns);
        t.addCell(c);
    }

    private static PdfPCell cell(String value, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(value == null ? "—" : value, font));
        c.setPadding(4);
        c.setBorderColor(new Color(0xC8, 0xD0, 0xD8));
        return c;
    }

    /** Heads every page with the project's name and number and numbers it "第 n 页 / 共 m 页". */
    private static final class Pages extends PdfPageEventHelper {

        private final BaseFont font;
        private final String left;
        private final String right;
        private PdfTemplate total;

        Pages(BaseFont font, String left, String right) {
            this.font = font;
            this.left = left;
            this.right = right;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            Rectangle page = document.getPageSize();
            Font f = new Font(font, 8);
            float top = page.getTop() - 36;
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(left, f), document.left(), top, 0);
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(right, f), document.right(), top, 0);
            cb.setLineWidth(0.5f);
            cb.moveTo(document.left(), top - 4);
            cb.lineTo(document.right(), top - 4);
            cb.stroke();
            String text = "第 " + writer.getPageNumber() + " 页 / 共 ";
            float width = font.getWidthPoint(text, 8);
            float x = (document.left() + document.right()) / 2 - (width + 20) / 2;
            float y = page.getBottom() + 28;
            cb.beginText();
            cb.setFontAndSize(font, 8);
            cb.setTextMatrix(x, y);
            cb.showText(text);
            cb.endText();
            cb.addTemplate(total, x + width, y);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(font, 8);
            total.setTextMatrix(0, 0);
            // called once the last page is closed: the writer is then on the page after it
            total.showText((writer.getPageNumber() - 1) + " 页");
            total.endText();
        }
    }

    /** 依据《太仓市级电子政务项目管理办法》（太政办〔2021〕40号）: the measures' title in book marks, its number after. */
    static String basisOf(String measures) {
        int number = measures.indexOf('（');
        return number > 0 ? "依据《" + measures.substring(0, number) + "》" + measures.substring(number)
                : "依据《" + measures + "》";
    }
}
