package nl.bluevitaal.journey.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A step's name as a page shows it ({@code ${@stepNames.of(step.stepKey, step.name)}}). In Dutch it is the name the
 * model gives the step, so a step a process owner renames in the workbench is called by its new name on every page as
 * soon as the case runs on that version. In another language it is the translation ({@code step.name.<id>} in the
 * journey's bundle), or the model's name where there is none.
 */
@Component("stepNames")
public class StepNames {

  private static final String MODEL_LANGUAGE = "nl";

  private final MessageSource messages;

  StepNames(MessageSource messages) {
    this.messages = messages;
  }

  public String of(String stepKey, String modelName) {
    Locale locale = LocaleContextHolder.getLocale();
    if (MODEL_LANGUAGE.equals(locale.getLanguage()) || stepKey == null) {
      return modelName;
    }
    return messages.getMessage("step.name." + stepKey, null, modelName, locale);
  }
}
