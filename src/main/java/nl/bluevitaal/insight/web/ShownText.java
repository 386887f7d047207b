package nl.bluevitaal.insight.web;

import java.text.NumberFormat;
import java.util.Locale;
import nl.bluevitaal.insight.GroupSizeGate;
import nl.bluevitaal.insight.Shown;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * A number of insight as the pages write it, in the request's language: its value, "&lt; 10" for a small group (the
 * gate's minimum), "–" for a number hidden to protect a small group elsewhere, "geen" where there is nothing to
 * measure (null). Templates call it as {@code ${@shownText.count(s)}}; the heatmap's script reads the same text.
 */
@Component("shownText")
public class ShownText {

  private final MessageSource messages;
  private final GroupSizeGate gate;

  ShownText(MessageSource messages, GroupSizeGate gate) {
    this.messages = messages;
    this.gate = gate;
  }

  public String count(@Nullable Shown shown) {
    return text(shown, value -> NumberFormat.getIntegerInstance(locale()).format(Math.round(value)));
  }

  public String days(@Nullable Shown shown) {
    return text(shown, value -> {
      NumberFormat format = NumberFormat.getNumberInstance(locale());
      format.setMinimumFractionDigits(1);
      format.setMaximumFractionDigits(1);
      return message("insight.shown.days", format.format(value));
    });
  }

  public String share(@Nullable Shown shown) {
    return text(shown, value -> NumberFormat.getPercentInstance(locale()).format(value));
  }

  public int minimumGroup() {
    return gate.minimumGroup();
  }

  private String text(@Nullable Shown shown, java.util.function.DoubleFunction<String> visible) {
    if (shown == null) {
      return message("insight.shown.none");
    }
    if (shown.visible()) {
      return visible.apply(shown.value());
    }
    return switch (shown.hidden()) {
      case SMALL_GROUP -> message("insight.shown.small", gate.minimumGroup());
      case PROTECTS_SMALL_GROUP -> message("insight.shown.protects");
      case UNKNOWN_POPULATION -> message("insight.shown.population");
    };
  }

  private String message(String key, Object... arguments) {
    return messages.getMessage(key, arguments, locale());
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}
