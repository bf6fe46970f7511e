/** The verifier wire protocol (HTTP/JSON, see serve/PROTOCOL.md): request and response records and the JSON mapper. */
package org.configspec.serve.protocol;
