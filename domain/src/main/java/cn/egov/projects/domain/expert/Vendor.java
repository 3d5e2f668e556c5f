package cn.egov.projects.domain.expert;

import java.util.Locale;

/**
 * A company (a project's supplier or bidder, or one an expert declares a relation with), by name and, where known,
 * its 统一社会信用代码 (18 characters). Two vendors are the same company when their credit codes are equal or their
 * names are equal once blanks are dropped and full-width brackets read as half-width: avoidance errs on the safe side.
 */
public record Vendor(String name, String creditCode) {

    public Vendor {
        name = name == null ? "" : name.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a vendor needs a name");
        }
        creditCode = creditCode == null || creditCode.isBlank() ? null : creditCode.strip().toUpperCase(Locale.ROOT);
    }

    public static Vendor named(String name) {
        return new Vendor(name, null);
    }

    /** Whether the two name the same company. */
    public boolean sameAs(Vendor other) {
        if (creditCode != null && creditCode.equals(other.creditCode)) {
            return true;
        }
        return normal(name).equals(normal(other.name));
    }

    /** Whether a company name (an expert's employer, say) names this vendor. */
    public boolean isNamed(String companyName) {
        return companyName != null && !companyName.isBlank() && normal(name).equals(normal(companyName));
    }

    private static String normal(String s) {
        return s.replaceAll("\\s+", "").replace('（', '(').replace('）', ')').toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return creditCode == null ? name : name + "（" + creditCode + "）";
    }
}
