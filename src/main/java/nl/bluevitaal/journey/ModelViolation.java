package nl.bluevitaal.journey;

import java.util.ArrayList;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * One rule of the model contract a model breaks, at one element: the element's id and name, the rule's code and its
 * arguments. The pages and the build render it as the message {@code modeling.contract.<code>}, whose first argument
 * is the element ({@link #element()}: its name and id) and whose further arguments are {@link #arguments()}.
 */
public record ModelViolation(String model, String elementId, @Nullable String elementName, Code code,
    List<String> arguments) {

  /** The rules of the contract. Each has a message {@code modeling.contract.<key>}. */
  public enum Code {
    NOT_PARSED("notParsed"),
    NOT_A_MODEL("notAModel"),
    GENERATED_ID("generatedId"),
    ID_NOT_NAMED("idNotNamed"),
    HISTORY_TIME_TO_LIVE_MISSING("historyTimeToLiveMissing"),
    VERSION_TAG_MISSING("versionTagMissing"),
    SCRIPT("script"),
    JAVA_CLASS("javaClass"),
    CONNECTOR("connector"),
    EXPRESSION_NOT_ALLOWED("expressionNotAllowed"),
    EXPRESSION_INVALID("expressionInvalid"),
    VARIABLE_NOT_ALLOWED("variableNotAllowed"),
    MILESTONE_UNWATCHED("milestoneUnwatched"),
    MILESTONE_NEVER_MET("milestoneNeverMet"),
    FORM_UNREADABLE("formUnreadable"),
    FORM_FIELD_REMOVED("formFieldRemoved"),
    RESPONSIBLE_ROLE_MISSING("responsibleRoleMissing"),
    DECISION_INPUT_NOT_ALLOWED("decisionInputNotAllowed"),
    REFERENCE_MISSING("referenceMissing"),
    FIELD_INJECTION("fieldInjection"),
    FORM_KEY_NOT_ALLOWED("formKeyNotAllowed");

    private final String key;

    Code(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    public String messageKey() {
      return "modeling.contract." + key;
    }
  }

  public ModelViolation {
    arguments = List.copyOf(arguments);
  }

  /** The element as a process owner knows it: "Naam (Id)", or the id alone when it has no name. */
  public String element() {
    return elementName == null || elementName.isBlank() ? elementId : elementName.strip() + " (" + elementId + ")";
  }

  /** The message arguments: the element first, then the rule's own. */
  public Object[] messageArguments() {
    List<Object> all = new ArrayList<>();
    all.add(element());
    all.addAll(arguments);
    return all.toArray();
  }
}
