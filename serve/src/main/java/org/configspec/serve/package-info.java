/**
 * The distributed runtime (module {@code serve}): the network link emulator ({@code link}), the wire
 * protocol ({@code protocol}, described in serve/PROTOCOL.md and openapi.json), the verifier server ({@code verifier}),
 * the edge client with its K policies ({@code client}), run metrics ({@code metrics}) and model validation against
 * real runs ({@code validate}).
 */
package org.configspec.serve;
