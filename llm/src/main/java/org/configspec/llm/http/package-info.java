/**
 * HTTP/1.1 on plain blocking sockets for the project's own clients (the edge client's verifier transport, the
 * serving-engine adapters): one request per write, the answer read on the calling thread, keep-alive.
 */
package org.configspec.llm.http;
