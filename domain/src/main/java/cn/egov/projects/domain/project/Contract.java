package cn.egov.projects.domain.project;

import cn.egov.projects.domain.money.Money;

import java.time.LocalDate;

/**
 * A signed contract (Art. 14). The first one is the project's substantive start (Art. 17).
 *
 * @param warrantyEnd the end of the free warranty, after which the unit must arrange O&amp;M (Art. 20), or null
 * @param filedOn     when it was filed with the Bureau, or null while not filed
 */
public record Contract(String number, String supplier, Money amount, LocalDate signedOn, LocalDate warrantyEnd,
                       LocalDate filedOn) {

    public Contract filed(LocalDate day) {
        return new Contract(number, supplier, amount, signedOn, warrantyEnd, day);
    }
}
