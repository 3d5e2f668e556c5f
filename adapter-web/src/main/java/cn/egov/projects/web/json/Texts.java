package cn.egov.projects.web.json;

/** Echoing user input into a message: at most 40 characters, control characters dropped. */
public final class Texts {

    private Texts() {
    }

    public static String clip(String text) {
        if (text == null) {
            return "";
        }
        String clean = text.replaceAll("\\p{Cntrl}", "");
        return clean.length() <= 40 ? clean : clean.substring(0, 40) + "…";
    }
}
