package cn.egov.projects.web.json;

/** Echoing user input into a message: at most 40 characters, control characters dropped. */
public final class Texts {

    private Texts() {
    }

    public static String clip(String text) {
        if (text == null) {
            return "";
        }
        // look at the head only: an echo never costs more than a few dozen characters, whatever the input's size
        String head = text.length() <= 200 ? text : text.substring(0, 200);
        String clean = head.replaceAll("\\p{Cntrl}", "");
        return clean.length() <= 40 && head.length() == text.length() ? clean
                : clean.substring(0, Math.min(40, clean.length())) + "…";
    }
}
