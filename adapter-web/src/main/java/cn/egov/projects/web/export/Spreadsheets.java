package cn.egov.projects.web.export;

import cn.egov.projects.application.port.in.ToDo;
import cn.egov.projects.application.view.ProjectEvaluation;
import cn.egov.projects.application.view.ProjectSummary;
import cn.egov.projects.application.view.UnitEvaluation;
import cn.egov.projects.application.view.YearEvaluation;
import cn.egov.projects.domain.performance.PerformanceGrade;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The annual plan, the overdue list and the yearly performance evaluation as Excel workbooks (.xlsx), with Chinese
 * headings.
 */
public final class Spreadsheets {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    private Spreadsheets() {
    }

    /** The projects of a plan year's issued plan (Art. 9, 10), units by their codes. */
    public static byte[] annualPlan(int planYear, List<ProjectSummary> projects, LocalDate today) {
        return annualPlan(planYear, projects, today, Function.identity());
    }

    /**
     * The projects of a plan year's issued plan (Art. 9, 10). Amounts are exact decimals in yuan; units by their full
     * names, their codes in a last column.
     *
     * @param unitName a unit's full name by its code (the code itself when the unit is not registered)
     */
    public static byte[] annualPlan(int planYear, List<ProjectSummary> projects, LocalDate today,
                                    Function<String, String> unitName) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(planYear + "年度实施计划");
            title(book, sheet, planYear + "年度市级电子政务项目实施计划（导出日期 " + today + "）");
            header(book, sheet, "序号", "项目名称", "实施单位", "项目类别", "建设性质", "总投资（元）", "当前状态", "项目编号",
                    "单位代码");
            int r = 2;
            for (ProjectSummary p : projects) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r - 1);
                row.createCell(1).setCellValue(p.name());
                row.createCell(2).setCellValue(unitName.apply(p.unit().code()));
                row.createCell(3).setCellValue(p.category().zh());
                row.createCell(4).setCellValue(p.nature().zh());
                row.createCell(5).setCellValue(p.totalInvestment().toBigDecimal().toPlainString());
                row.createCell(6).setCellValue(p.state().zh());
                row.createCell(7).setCellValue(p.id().toString());
                row.createCell(8).setCellValue(p.unit().code());
                r++;
            }
            widths(sheet, 6, 40, 24, 28, 12, 16, 16, 38, 12);
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every overdue deadline the reader may see; a classified project is named only as such (Art. 27). */
    public static byte[] overdue(List<ToDo> items, LocalDate today) {
        return overdue(items, today, Function.identity());
    }

    /** As {@link #overdue(List, LocalDate)}, units by their full names, their codes in a last column. */
    public static byte[] overdue(List<ToDo> items, LocalDate today, Function<String, String> unitName) {
        return overdue(items, today, unitName, "");
    }

    /**
     * As {@link #overdue(List, LocalDate, Function)}, the list's filter named in the title.
     *
     * @param filter the filter as given, e.g. "unit=TC-GAJ&amp;q=平台" (empty: none)
     */
    public static byte[] overdue(List<ToDo> items, LocalDate today, Function<String, String> unitName,
                                 String filter) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("逾期清单");
            title(book, sheet, "逾期未办结期限清单（截至 " + today + (filter == null || filter.isEmpty() ? ""
                    : "；筛选：" + filter) + "），共" + items.size() + "项");
            header(book, sheet, "序号", "实施单位", "项目名称", "期限事项", "依据", "到期日", "逾期天数", "项目编号",
                    "单位代码");
            int r = 2;
            for (ToDo t : items) {
                var d = t.due();
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r - 1);
                row.createCell(1).setCellValue(unitName.apply(d.unit().code()));
                row.createCell(2).setCellValue(d.classified() ? "（涉密项目）" : d.projectName());
                row.createCell(3).setCellValue(d.deadline().kind().actionZh());
                row.createCell(4).setCellValue(t.article());
                row.createCell(5).setCellValue(d.deadline().due().toString());
                row.createCell(6).setCellValue(today.toEpochDay() - d.deadline().due().toEpochDay());
                row.createCell(7).setCellValue(d.projectId().toString());
                row.createCell(8).setCellValue(d.unit().code());
                r++;
            }
            widths(sheet, 6, 24, 40, 24, 10, 12, 10, 38, 12);
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A plan year's performance evaluation (Art. 4): a sheet of units, a sheet of projects, and the scoring method.
     * Classified projects are not in it (the evaluation given is the exportable one, Art. 27). Scores are numbers
     * (cells of type number) so that the sheet can be charted and summed; an empty cell means no score.
     */
    public static byte[] performance(YearEvaluation e, LocalDate today) {
        return performance(e, today, Function.identity());
    }

    /** As {@link #performance(YearEvaluation, LocalDate)}, units by their full names, their codes in a last column. */
    public static byte[] performance(YearEvaluation e, LocalDate today, Function<String, String> unitName) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet units = book.createSheet("单位考核");
            title(book, units, e.planYear() + "年度市级电子政务项目绩效考核——实施单位（导出日期 " + today
                    + "，不含涉密项目）");
            header(book, units, "序号", "实施单位", "纳入考核项目数", "已计分项目数", "项目平均分", "已到期期限数",
                    "按期完成", "逾期完成", "逾期未办", "期限合规率（%）", "单位得分", "建议等级", "评定等级", "考核意见",
                    "评定人", "评定时间", "单位代码");
            int r = 2;
            for (UnitEvaluation u : e.units()) {
                Row row = units.createRow(r);
                row.createCell(0).setCellValue(r - 1);
                row.createCell(1).setCellValue(unitName.apply(u.unit().code()));
                row.createCell(16).setCellValue(u.unit().code());
                row.createCell(2).setCellValue(u.projects());
                row.createCell(3).setCellValue(u.scoredProjects());
                number(row, 4, u.projectAverage());
                row.createCell(5).setCellValue(u.compliance().fallenDue());
                row.createCell(6).setCellValue(u.compliance().metOnTime());
                row.createCell(7).setCellValue(u.compliance().metLate());
                row.createCell(8).setCellValue(u.compliance().overdue());
                number(row, 9, u.complianceScore());
                number(row, 10, u.score());
                row.createCell(11).setCellValue(u.suggestedGrade() == null ? "—" : u.suggestedGrade().zh());
                grade(row, 12, u.grade());
                r++;
            }
            widths(units, 6, 24, 10, 10, 10, 10, 10, 10, 10, 12, 10, 10, 10, 40, 14, 22, 12);

            Sheet projects = book.createSheet("项目考核");
            title(book, projects, e.planYear() + "年度市级电子政务项目绩效考核——项目（导出日期 " + today
                    + "，不含涉密项目）");
            header(book, projects, "序号", "项目名称", "实施单位", "项目状态", "绩效目标数", "达成", "部分达成", "未达成",
                    "计分依据", "项目得分", "建议等级", "评定等级", "考核意见", "评定人", "评定时间", "项目编号", "单位代码");
            r = 2;
            for (ProjectEvaluation p : e.projects()) {
                Row row = projects.createRow(r);
                row.createCell(0).setCellValue(r - 1);
                row.createCell(1).setCellValue(p.classified() ? "（涉密项目）" : p.name());
                row.createCell(2).setCellValue(unitName.apply(p.unit().code()));
                row.createCell(3).setCellValue(p.state().zh());
                row.createCell(4).setCellValue(p.score().goals());
                row.createCell(5).setCellValue(p.score().met());
                row.createCell(6).setCellValue(p.score().partlyMet());
                row.createCell(7).setCellValue(p.score().notMet());
                row.createCell(8).setCellValue(p.score().basis().zh());
                number(row, 9, p.score().score());
                row.createCell(10).setCellValue(p.suggestedGrade() == null ? "—" : p.suggestedGrade().zh());
                grade(row, 11, p.grade());
                row.createCell(15).setCellValue(p.id().toString());
                row.createCell(16).setCellValue(p.unit().code());
                r++;
            }
            widths(projects, 6, 40, 24, 14, 10, 8, 10, 8, 22, 10, 10, 10, 40, 14, 22, 38, 12);

            Sheet method = book.createSheet("计分方法");
            title(book, method, "计分方法（依据" + e.basisZh() + "）");
            method.createRow(1).createCell(0).setCellValue(e.methodZh());
            method.setColumnWidth(0, 120 * 256);
            return bytes(book);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A table as it is read: a sheet's name, a title line, its column headers and its rows. */
    public record Table(String sheet, String title, List<String> headers, List<List<Object>> rows) {
        public Table {
            headers = List.copyOf(headers);
            rows = List.copyOf(rows);
        }
    }

    /**
     * Tables, one sheet each (e.g. the charts' figures): numbers stay numbers (exact decimals as numbers of the
     * sheet), everything else is text.
     */
    public static byte[] tables(List<Table> tables, LocalDate today) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            for (Table t : tables) {
                Sheet sheet = book.createSheet(t.sheet());
                title(book, sheet, t.title() + "（导出日期 " + today + "）");
                header(book, sheet, t.headers().toArray(String[]::new));
                int r = 2;
                for (List<Object> values : t.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v instanceof java.math.BigDecimal d) {
                            number(row, c, d);
                        } else if (v instanceof Number n) {
                            row.createCell(c).setCellValue(n.doubleValue());
                        } else if (v != null) {
                            row.createCell(c).setCellValue(v.toString());
                        }
                    }
                }
                int[] widths = new int[t.headers().size()];
                java.util.Arrays.fill(widths, 14);
                widths[0] = 28;
                widths(sheet, widths);
            }
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(Row row, int column, java.math.BigDecimal value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue());
        }
    }

    private static void grade(Row row, int column, PerformanceGrade g) {
        row.createCell(column).setCellValue(g == null ? "未评定" : g.grade().zh());
        row.createCell(column + 1).setCellValue(g == null || g.comment() == null ? "" : g.comment());
        row.createCell(column + 2).setCellValue(g == null ? "" : g.gradedBy());
        row.createCell(column + 3).setCellValue(g == null ? "" : g.gradedAt().atZone(ZONE).toLocalDateTime()
                .withNano(0).toString().replace('T', ' '));
    }

    private static void title(XSSFWorkbook book, Sheet sheet, String text) {
        CellStyle style = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        font.setFontHeightInPoints((short) 14);
        style.setFont(font);
        Cell cell = sheet.createRow(0).createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    private static void header(XSSFWorkbook book, Sheet sheet, String... names) {
        CellStyle style = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        style.setFont(font);
        Row row = sheet.createRow(1);
        for (int i = 0; i < names.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(names[i]);
            cell.setCellStyle(style);
        }
        sheet.createFreezePane(0, 2);
    }

    private static void widths(Sheet sheet, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, chars[i] * 256);
        }
    }

    private static byte[] bytes(XSSFWorkbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }
}
