package cn.egov.projects.persistence.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One row of any child table of a project, as {@code ProjectDao.findChildren} reads them all in one statement (a
 * {@code UNION ALL} over the child tables): {@code part} says which table, {@code parentSeq} and {@code seq} its
 * place, and the other columns hold the table's values in the slots {@link ChildRows} assigns them (unused slots
 * are null).
 */
public record ChildRow(int part, int parentSeq, int seq, String s1, String s2, String s3, String s4, LocalDate d1,
                       LocalDate d2, LocalDate d3, BigDecimal n1, Integer i1, Boolean b1, Boolean b2, UUID u1) {
}
