package cn.egov.projects.application.port.in;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The document types the system can recognise by their content, not their name: each file name extension with the
 * first bytes (magic numbers) its files begin with, the media type recorded for it and its Chinese name. An upload
 * is accepted only when its extension is allowed and its content is what the extension says (a renamed program or
 * web page is refused). Office formats are recognised by their container: the OLE2 compound file of .doc, .xls,
 * .ppt and older WPS files, the ZIP archive of .docx, .xlsx, .pptx, newer WPS files and OFD (GB/T 33190). Plain text
 * must be valid UTF-8 without NUL characters.
 */
public final class DocumentTypes {

    /** How a type's content is recognised. */
    private enum Signature {
        PDF, OLE2, ZIP, RTF, PNG, JPEG, GIF, BMP, TIFF, RAR, SEVEN_ZIP, UTF8_TEXT;

        boolean matches(byte[] c) {
            return switch (this) {
                // readers accept a PDF header within the first 1024 bytes (ISO 32000-1, Annex H)
                case PDF -> indexOf(c, ascii("%PDF-"), 1024) >= 0;
                case OLE2 -> startsWith(c, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
                // a local file header, an empty archive, or a spanned archive's marker
                case ZIP -> startsWith(c, 0x50, 0x4B, 0x03, 0x04) || startsWith(c, 0x50, 0x4B, 0x05, 0x06)
                        || startsWith(c, 0x50, 0x4B, 0x07, 0x08);
                case RTF -> startsWith(c, '{', '\\', 'r', 't', 'f');
                case PNG -> startsWith(c, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
                case JPEG -> startsWith(c, 0xFF, 0xD8, 0xFF);
                case GIF -> startsWith(c, 'G', 'I', 'F', '8', '7', 'a') || startsWith(c, 'G', 'I', 'F', '8', '9', 'a');
                case BMP -> startsWith(c, 'B', 'M') && c.length >= 26;
                case TIFF -> startsWith(c, 'I', 'I', 0x2A, 0x00) || startsWith(c, 'M', 'M', 0x00, 0x2A);
                case RAR -> startsWith(c, 'R', 'a', 'r', '!', 0x1A, 0x07);
                case SEVEN_ZIP -> startsWith(c, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C);
                case UTF8_TEXT -> isUtf8Text(c);
            };
        }
    }

    /** A type: the media type recorded for it, its Chinese description and the contents it may have. */
    private record Type(String mediaType, String nameZh, List<Signature> signatures) {
    }

    private static final Map<String, Type> TYPES = new LinkedHashMap<>();

    static {
        type("pdf", "application/pdf", "PDF文档", Signature.PDF);
        type("ofd", "application/ofd", "OFD版式文档", Signature.ZIP);
        type("doc", "application/msword", "Word文档", Signature.OLE2, Signature.RTF);
        type("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word文档",
                Signature.ZIP);
        type("xls", "application/vnd.ms-excel", "Excel表格", Signature.OLE2);
        type("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel表格", Signature.ZIP);
        type("ppt", "application/vnd.ms-powerpoint", "PowerPoint演示文稿", Signature.OLE2);
        type("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                "PowerPoint演示文稿", Signature.ZIP);
        type("wps", "application/vnd.ms-works", "WPS文字文档", Signature.OLE2, Signature.ZIP);
        type("et", "application/vnd.ms-excel", "WPS表格", Signature.OLE2, Signature.ZIP);
        type("dps", "application/vnd.ms-powerpoint", "WPS演示文稿", Signature.OLE2, Signature.ZIP);
        type("rtf", "application/rtf", "RTF文档", Signature.RTF);
        type("txt", "text/plain; charset=utf-8", "UTF-8编码的文本文件", Signature.UTF8_TEXT);
        type("csv", "text/csv; charset=utf-8", "UTF-8编码的CSV文件", Signature.UTF8_TEXT);
        type("jpg", "image/jpeg", "JPEG图片", Signature.JPEG);
        type("jpeg", "image/jpeg", "JPEG图片", Signature.JPEG);
        type("png", "image/png", "PNG图片", Signature.PNG);
        type("gif", "image/gif", "GIF图片", Signature.GIF);
        type("bmp", "image/bmp", "BMP图片", Signature.BMP);
        type("tif", "image/tiff", "TIFF图片", Signature.TIFF);
        type("tiff", "image/tiff", "TIFF图片", Signature.TIFF);
        type("zip", "application/zip", "ZIP压缩包", Signature.ZIP);
        type("rar", "application/vnd.rar", "RAR压缩包", Signature.RAR);
        type("7z", "application/x-7z-compressed", "7z压缩包", Signature.SEVEN_ZIP);
    }

    private DocumentTypes() {
    }

    private static void type(String extension, String mediaType, String nameZh, Signature... signatures) {
        TYPES.put(extension, new Type(mediaType, nameZh, List.of(signatures)));
    }

    /** Every extension whose content can be recognised, in a stable order. */
    public static Set<String> known() {
        return TYPES.keySet();
    }

    public static boolean isKnown(String extension) {
        return extension != null && TYPES.containsKey(extension.toLowerCase(Locale.ROOT));
    }

    /** The lower-case extension of a file name (after its last dot), or empty when it has none. */
    public static Optional<String> extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        if (dot <= 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Whether the content is what a file of this extension holds; false for an unknown extension. */
    public static boolean matches(String extension, byte[] content) {
        Type type = extension == null ? null : TYPES.get(extension.toLowerCase(Locale.ROOT));
        return type != null && content != null && content.length > 0
                && type.signatures().stream().anyMatch(s -> s.matches(content));
    }

    /** The media type recorded for files of a known extension. */
    public static String mediaType(String extension) {
        Type type = TYPES.get(extension.toLowerCase(Locale.ROOT));
        return type == null ? "application/octet-stream" : type.mediaType();
    }

    /** What a file of a known extension must be, in Chinese, e.g. "PDF文档". */
    public static String nameZh(String extension) {
        Type type = TYPES.get(extension.toLowerCase(Locale.ROOT));
        return type == null ? "未知类型" : type.nameZh();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] content, byte[] what, int within) {
        int last = Math.min(content.length, within + what.length) - what.length;
        for (int i = 0; i <= last; i++) {
            if (Arrays.equals(content, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        return -1;
    }

    /** Valid UTF-8 (a byte-order mark allowed) without NUL characters. */
    private static boolean isUtf8Text(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return !decoder.flush(out.clear()).isError();
            }
            out.clear();
        }
    }
}
