package nl.bluevitaal.web;

/**
 * The form of an action on a record (sign, release, give back): it only quotes the version of the record the page
 * showed, so an action on something changed meanwhile is a conflict rather than a surprise. A missing or mangled
 * version binds as null.
 */
public record VersionForm(Integer versie) {
}
