package nl.bluevitaal.selfservice.homefront;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the counsellor (and the case's care) learns of the home front: that a contact exists and where its consent
 * stands, since when; and the naastes' check-ins they chose to share. No name, no address, no choices.
 */
public record HomeFrontStatus(List<Contact> contacts, List<HomeFrontCheckIn> sharedCheckIns) {

  public HomeFrontStatus {
    contacts = List.copyOf(contacts);
    sharedCheckIns = List.copyOf(sharedCheckIns);
  }

  public record Contact(Invitation.State state, OffsetDateTime since) {
  }
}
