package nl.bluevitaal.notices.internal;

import nl.bluevitaal.notices.Notice;

/** A notice was stored for the first time, in the transaction that published this. */
record NoticeStored(Notice.Stored notice) {
}
