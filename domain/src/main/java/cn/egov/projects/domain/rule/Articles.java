package cn.egov.projects.domain.rule;

/** Chinese article numbers as the measures write them: 第十五条. */
public final class Articles {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private Articles() {
    }

    /** {@code 15 → 第十五条}; {@code 20 → 第二十条}; {@code 10 → 第十条}. Valid for 1..99. */
    public static String chinese(int article) {
        if (article < 1 || article > 99) {
            throw new IllegalArgumentException("article out of range: " + article);
        }
        int tens = article / 10;
        int ones = article % 10;
        StringBuilder b = new StringBuilder("第");
        if (tens > 1) {
            b.append(DIGITS[tens]);
        }
        if (tens > 0) {
            b.append("十");
        }
        if (ones > 0) {
            b.append(DIGITS[ones]);
        }
        return b.append("条").toString();
    }
}
