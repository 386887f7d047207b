package nl.bluevitaal.selfservice.homefront;

/**
 * An invitation just made, with its link: the only moment the link exists in the clear (only its hash is stored),
 * shown once to the employee to pass on themselves. {@code mailed}: whether it also went out by e-mail.
 */
public record NewInvitation(Invitation invitation, String link, boolean mailed) {
}
