package nl.bluevitaal.web;

/**
 * What text BlueVitaal keeps: every character XML 1.0 can hold, so any text can go into a page, a PDF (rendered from
 * XHTML) or an export. Control characters other than tab and line breaks, unpaired surrogate halves and the
 * non-characters U+FFFE and U+FFFF are dropped on the way in; they carry no meaning a person typed, and a single NUL
 * in a note used to make every PDF of its case fail.
 */
public final class PlainText {

  private PlainText() {
  }

  /** The text without the characters XML cannot hold; null stays null, clean text is returned as it is. */
  public static String clean(String text) {
    if (text == null || isClean(text)) {
      return text;
    }
    StringBuilder kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      int length = Character.charCount(codePoint);
      if (allowed(codePoint) && !(length == 1 && Character.isSurrogate(text.charAt(i)))) {
        kept.appendCodePoint(codePoint);
      }
      i += length;
    }
    return kept.toString();
  }

  public static boolean isClean(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return false;
      }
      if (Character.isLowSurrogate(c) || !allowed(c)) {
        return false;
      }
    }
    return true;
  }

  /** XML 1.0's Char production, without the C1 controls (never typed, and no font draws them). */
  private static boolean allowed(int c) {
    return c == 0x9 || c == 0xA || c == 0xD
        || (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
