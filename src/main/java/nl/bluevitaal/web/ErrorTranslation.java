package nl.bluevitaal.web;

import java.util.Optional;

/**
 * How a module's own exceptions read to people and clients. A module keeps its exceptions in its own package (they
 * never extend a class of this kit) and contributes one of these from its web package; the API's problem handler and
 * the pages' error advice ask every contribution, so a refusal, a stale edit or a state conflict means the same
 * status everywhere. A translation may also record what it translates (refusals go to the audit trail).
 */
public interface ErrorTranslation {

  /** The problem this exception stands for, or empty when it is not one of this module's. */
  Optional<Problem> translate(Throwable error);
}
