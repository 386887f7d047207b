/** Shared REST plumbing: the exceptions modules throw and their RFC 9457 problem+json responses. */
package nl.bluevitaal.web;
