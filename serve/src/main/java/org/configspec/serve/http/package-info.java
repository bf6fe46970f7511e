/**
 * The verifier's HTTP front door on Jetty (serve/PROTOCOL.md, "Limits"): bearer authentication, the request gate
 * (content type, body size, requests in flight, body deadline, bodies read without holding a thread), the header
 * deadline, and Jetty's own errors rendered as the protocol's JSON error body.
 */
package org.configspec.serve.http;
