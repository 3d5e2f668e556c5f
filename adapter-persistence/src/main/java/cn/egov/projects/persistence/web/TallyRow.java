package cn.egov.projects.persistence.web;

import java.math.BigDecimal;

/** A group's key, how many rows it has, and their total investment (null where there is none). */
public record TallyRow(String id, long count, BigDecimal budget) {
}
