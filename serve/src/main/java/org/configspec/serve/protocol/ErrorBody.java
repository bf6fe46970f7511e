package org.configspec.serve.protocol;

/** Every 4xx/5xx answer: the HTTP status and a one-line message. */
public record ErrorBody(int status, String error) {
}
